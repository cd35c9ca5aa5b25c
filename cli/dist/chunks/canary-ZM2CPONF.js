import{c as i,e as l,j as c,m,o as d,p as h}from"./chunk-4BO5KTKB.js";import"./chunk-5ELWCL4M.js";import"./chunk-ZQAWQXMM.js";import"./chunk-EIEGSTNN.js";import"./chunk-D6N5ANAE.js";import"./chunk-NJOGL5TB.js";import"./chunk-WYMSQKYT.js";import{B as n}from"./chunk-5LM4LDHD.js";import"./chunk-KB74JXU2.js";import"./chunk-6VPMFVRZ.js";import"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as a,k as s}from"./chunk-7VBCIGOH.js";import"./chunk-3YAETCKK.js";import"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import"./chunk-5RNU7IOU.js";var t=`Usage: tollgate canary --logs FILE --control VERSION --canary VERSION [--labels FILE]
         [--since 24h|TIME] [--until TIME] [--model NAME] [--stage STAGE]
         [--format FORMAT] [--config FILE] [--json] [--out FILE] [--evidence FILE]

Analyses a canary release: the log holds the traffic of both versions (its
model version column tells them apart). Error rate, latency and, with labels,
the primary metric of the canary against the control's, with intervals; the
verdict from monitor.canary's bounds: rollback when a bound is broken with
confidence, promote when there is enough traffic and every bound is met,
hold otherwise.

Options:
  --logs FILE          the prediction log with both versions' requests
  --control VERSION    the serving version (e.g. v1.4.0)
  --canary VERSION     the version under test
  --labels FILE        delayed labels (request id, label)
  --since, --until     the window (as for tollgate monitor)
  --model, --stage     recorded in the report and the evidence
  --format FORMAT      the log's format when its name does not say: csv, jsonl, parquet, arrow
  --config FILE        configuration (default: .github/tollgate.yml when it exists)
  --json               print the report as one JSON document
  --out FILE           write the report (tollgate.canary/v1)
  --evidence FILE      write the evidence record (tollgate.evidence/v1)

Exit codes: 0 promote or hold, 1 rollback, 2 usage or input error.`,f={logs:{type:"string"},control:{type:"string"},canary:{type:"string"},...c},L={name:"canary",usage:t,async run(g,o){let{values:e}=a(g,f,t,!1),[p,y,u]=m(t,[["--logs FILE",e.logs],["--control VERSION",e.control],["--canary VERSION",e.canary]]),{sections:E,request:v}=await d(o,e),r=await l(s(o,p),y,u,E,v);return await h(o,e,r,n,i),r.verdict==="rollback"?1:0}};export{L as canaryCommand};
