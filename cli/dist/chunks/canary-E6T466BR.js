import{a as d,c as g,d as m,e as f,f as h,g as s}from"./chunk-VLC73C5X.js";import"./chunk-BXS5NX6Z.js";import"./chunk-MSSL2RPB.js";import"./chunk-VK3UWSXD.js";import"./chunk-DPH6ENZP.js";import"./chunk-2TYFL77Z.js";import"./chunk-WYMSQKYT.js";import{z as i}from"./chunk-U4CRVJYV.js";import"./chunk-KB74JXU2.js";import"./chunk-ODDHVIO6.js";import"./chunk-PMCMLVYK.js";import{f as l,g as c,j as a}from"./chunk-4B5KOWVA.js";import"./chunk-CPN35RB6.js";import"./chunk-KBZ7J433.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{e as r}from"./chunk-MXRAZAPR.js";var o=`Usage: tollgate canary --logs FILE --control VERSION --canary VERSION [--labels FILE]
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

Exit codes: 0 promote or hold, 1 rollback, 2 usage or input error.`,y={logs:{type:"string"},control:{type:"string"},canary:{type:"string"},labels:{type:"string"},since:{type:"string"},until:{type:"string"},model:{type:"string"},stage:{type:"string"},format:{type:"string"},config:{type:"string"},json:{type:"boolean",default:!1},out:{type:"string"},evidence:{type:"string"}},F={name:"canary",usage:o,async run(p,t){let{values:e}=l(p,y,o,!1);if(e.logs===void 0)throw new r(`missing --logs FILE

${o}`);if(e.control===void 0||e.canary===void 0)throw new r(`missing --control VERSION and --canary VERSION

${o}`);let u=await m(t,e.config),n=await g(a(t,e.logs),e.control,e.canary,u,{labels:e.labels===void 0?void 0:a(t,e.labels),format:h(e.format),window:await f(t,e),model:e.model,stage:e.stage});return e.out!==void 0&&await s(t,e.out,n),e.evidence!==void 0&&await s(t,e.evidence,d(n)),e.json?c(t,n):t.stdout.write(i(n)),n.verdict==="rollback"?1:0}};export{F as canaryCommand};
