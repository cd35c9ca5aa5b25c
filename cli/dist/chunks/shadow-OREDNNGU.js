import{c as d,d as l,j as c,n as h,o as m}from"./chunk-5QP2CSZG.js";import"./chunk-4XAZHGYV.js";import"./chunk-OAM5KOH4.js";import"./chunk-VK3UWSXD.js";import"./chunk-H3LHYGK4.js";import"./chunk-LABV6MCP.js";import"./chunk-WYMSQKYT.js";import{y as i}from"./chunk-OF7KJPRC.js";import"./chunk-KB74JXU2.js";import"./chunk-Y4GRNCRM.js";import"./chunk-PMCMLVYK.js";import{f as n,j as t}from"./chunk-Z5ZKZIWP.js";import"./chunk-YMBUMWY4.js";import"./chunk-BFXFXITE.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{e as r}from"./chunk-MXRAZAPR.js";var s=`Usage: tollgate shadow --live FILE --shadow FILE [--labels FILE]
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

Exit codes: 0 pass or not enough traffic yet, 1 a bound is broken, 2 usage or input error.`,f={live:{type:"string"},shadow:{type:"string"},...c},L={name:"shadow",usage:s,async run(p,o){let{values:e}=n(p,f,s,!1);if(e.live===void 0||e.shadow===void 0)throw new r(`missing --live FILE and --shadow FILE

${s}`);let{sections:w,request:u}=await h(o,e),a=await l(t(o,e.live),t(o,e.shadow),w,u);return await m(o,e,a,i,d),a.verdict==="fail"?1:0}};export{L as shadowCommand};
