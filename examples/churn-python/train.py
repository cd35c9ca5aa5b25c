"""Trains the churn model with scikit-learn: the training command can be anything.

    tollgate train --params params.yaml --data ../churn/data/train.csv \
      --outputs model.pkl --metrics metrics.json -- python train.py

Reads the params file Tollgate exports (TOLLGATE_PARAMS) and its seed
(TOLLGATE_SEED), writes model.pkl and metrics.json.
"""
import argparse
import json
import os
import pickle

import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["age", "tenure_months", "monthly_spend", "support_tickets", "last_login_days"]
CATEGORICAL = ["plan", "region"]


def main() -> None:
    with open(os.environ.get("TOLLGATE_PARAMS", "params.yaml"), encoding="utf-8") as handle:
        params = yaml.safe_load(handle)
    seed = int(os.environ.get("TOLLGATE_SEED", params.get("seed", 0)))
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../churn/data/train.csv")
    frame = pd.read_csv(parser.parse_args().data)
    features = frame[NUMERIC + CATEGORICAL + ["autopay"]].assign(autopay=frame["autopay"].astype(float))
    label = frame["churned"].astype(int)
    train_x, valid_x, train_y, valid_y = train_test_split(features, label, test_size=0.2, random_state=seed, stratify=label)

    model = Pipeline(
        [
            (
                "prepare",
                ColumnTransformer(
                    [
                        ("numeric", make_pipeline(SimpleImputer(strategy="mean"), StandardScaler()), NUMERIC + ["autopay"]),
                        ("categorical", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
                    ]
                ),
            ),
            ("classify", LogisticRegression(C=float(params["C"]), max_iter=int(params["max_iter"]), random_state=seed)),
        ]
    )
    model.fit(train_x, train_y)
    scores = model.predict_proba(valid_x)[:, 1]
    metrics = {
        "roc_auc": float(roc_auc_score(valid_y, scores)),
        "log_loss": float(log_loss(valid_y, scores)),
        "accuracy": float(accuracy_score(valid_y, (scores >= 0.5).astype(int))),
    }
    with open("model.pkl", "wb") as handle:
        pickle.dump(model, handle)
    with open("metrics.json", "w", encoding="utf-8") as handle:
        json.dump(metrics, handle, indent=2)
    print(f"train: validation AUC {metrics['roc_auc']:.4f}, log loss {metrics['log_loss']:.4f}")


if __name__ == "__main__":
    main()
