import{c as n,d,j as l,m as c,o as h,p as m}from"./chunk-4BO5KTKB.js";import"./chunk-5ELWCL4M.js";import"./chunk-ZQAWQXMM.js";import"./chunk-EIEGSTNN.js";import"./chunk-D6N5ANAE.js";import"./chunk-NJOGL5TB.js";import"./chunk-WYMSQKYT.js";import{A as r}from"./chunk-5LM4LDHD.js";import"./chunk-KB74JXU2.js";import"./chunk-6VPMFVRZ.js";import"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as i,k as t}from"./chunk-7VBCIGOH.js";import"./chunk-3YAETCKK.js";import"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import"./chunk-5RNU7IOU.js";var s=`Usage: tollgate shadow --live FILE --shadow FILE [--labels FILE]
         [--since 24h|TIME] [--until TIME] [--model NAME] [--stage STAGE]
         [--format FORMAT] [--config FILE] [--json] [--out FILE] [--evidence FILE]

Compares a shadow model with the live one on the requests both scored
(paired on request id): agreement of predicted classes, score correlation and
mean absolute difference, the shadow's score distribution against the live
one, latency, and with labels the paired metric comparison. The verdict
(pass, fail, insufficient) applies monitor.shadow's bounds; the evidence
record (--evidence) is what a promotion PR carries for a stage that
requires shadow evidence.

Options:
  --live FILE        the serving model's prediction log
  --shadow FILE      the shadow model's log of the same requests
  --labels FILE      delayed labels (request id, label)
  --since, --until   the window (as for tollgate monitor)
  --model, --stage   recorded in the report and the evidence
  --format FORMAT    the logs' format when their names do not say: csv, jsonl, parquet, arrow
  --config FILE      configuration (default: .github/tollgate.yml when it exists)
  --json             print the report as one JSON document
  --out FILE         write the report (tollgate.shadow/v1)
  --evidence FILE    write the evidence record (tollgate.evidence/v1)

Exit codes: 0 pass or not enough traffic yet, 1 a bound is broken, 2 usage or input error.`,f={live:{type:"string"},shadow:{type:"string"},...l},b={name:"shadow",usage:s,async run(p,e){let{values:o}=i(p,f,s,!1),[w,u]=c(s,[["--live FILE",o.live],["--shadow FILE",o.shadow]]),{sections:g,request:v}=await h(e,o),a=await d(t(e,w),t(e,u),g,v);return await m(e,o,a,r,n),a.verdict==="fail"?1:0}};export{b as shadowCommand};
