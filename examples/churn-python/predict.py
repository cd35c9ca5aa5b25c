"""Scores a CSV with model.pkl: customer_id, churned (1/0 when known), score.

Under the evaluate action's predict-command, TOLLGATE_CHAMPION_DIR holds the
champion's release assets and TOLLGATE_PREDICTIONS names the file to write.
"""
import argparse
import os
import pickle

import pandas as pd

parser = argparse.ArgumentParser()
champion = os.environ.get("TOLLGATE_CHAMPION_DIR")
parser.add_argument("--model", default=os.path.join(champion, "model.pkl") if champion else "model.pkl")
parser.add_argument("--data", default="../churn/data/eval.csv")
parser.add_argument("--out", default=os.environ.get("TOLLGATE_PREDICTIONS", "predictions.csv"))
args = parser.parse_args()

with open(args.model, "rb") as handle:
    model = pickle.load(handle)
frame = pd.read_csv(args.data)
features = frame[["age", "tenure_months", "monthly_spend", "support_tickets", "last_login_days", "plan", "region", "autopay"]]
features = features.assign(autopay=frame["autopay"].astype(float))
out = pd.DataFrame({"customer_id": frame["customer_id"], "score": model.predict_proba(features)[:, 1].round(6)})
if "churned" in frame:
    out.insert(1, "churned", frame["churned"].map({True: 1, False: 0}))
out.to_csv(args.out, index=False)
print(f"predict: scored {len(out)} rows into {args.out}")
