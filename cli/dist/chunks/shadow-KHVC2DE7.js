import{a as c,b as m,d as h,e as f,f as g,g as n}from"./chunk-VLC73C5X.js";import"./chunk-BXS5NX6Z.js";import"./chunk-MSSL2RPB.js";import"./chunk-VK3UWSXD.js";import"./chunk-DPH6ENZP.js";import"./chunk-2TYFL77Z.js";import"./chunk-WYMSQKYT.js";import{y as r}from"./chunk-U4CRVJYV.js";import"./chunk-KB74JXU2.js";import"./chunk-ODDHVIO6.js";import"./chunk-PMCMLVYK.js";import{f as d,g as l,j as s}from"./chunk-4B5KOWVA.js";import"./chunk-CPN35RB6.js";import"./chunk-KBZ7J433.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{e as i}from"./chunk-MXRAZAPR.js";var a=`Usage: tollgate shadow --live FILE --shadow FILE [--labels FILE]
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

Exit codes: 0 pass or not enough traffic yet, 1 a bound is broken, 2 usage or input error.`,u={live:{type:"string"},shadow:{type:"string"},labels:{type:"string"},since:{type:"string"},until:{type:"string"},model:{type:"string"},stage:{type:"string"},format:{type:"string"},config:{type:"string"},json:{type:"boolean",default:!1},out:{type:"string"},evidence:{type:"string"}},I={name:"shadow",usage:a,async run(p,t){let{values:e}=d(p,u,a,!1);if(e.live===void 0||e.shadow===void 0)throw new i(`missing --live FILE and --shadow FILE

${a}`);let w=await h(t,e.config),o=await m(s(t,e.live),s(t,e.shadow),w,{labels:e.labels===void 0?void 0:s(t,e.labels),format:g(e.format),window:await f(t,e),model:e.model,stage:e.stage});return e.out!==void 0&&await n(t,e.out,o),e.evidence!==void 0&&await n(t,e.evidence,c(o)),e.json?l(t,o):t.stdout.write(r(o)),o.verdict==="fail"?1:0}};export{I as shadowCommand};
