import{c as l,e as c,j as d,n as m,o as h}from"./chunk-5QP2CSZG.js";import"./chunk-4XAZHGYV.js";import"./chunk-OAM5KOH4.js";import"./chunk-VK3UWSXD.js";import"./chunk-H3LHYGK4.js";import"./chunk-LABV6MCP.js";import"./chunk-WYMSQKYT.js";import{z as a}from"./chunk-OF7KJPRC.js";import"./chunk-KB74JXU2.js";import"./chunk-Y4GRNCRM.js";import"./chunk-PMCMLVYK.js";import{f as s,j as i}from"./chunk-Z5ZKZIWP.js";import"./chunk-YMBUMWY4.js";import"./chunk-BFXFXITE.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{e as r}from"./chunk-MXRAZAPR.js";var o=`Usage: tollgate canary --logs FILE --control VERSION --canary VERSION [--labels FILE]
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

Exit codes: 0 promote or hold, 1 rollback, 2 usage or input error.`,f={logs:{type:"string"},control:{type:"string"},canary:{type:"string"},...d},F={name:"canary",usage:o,async run(g,t){let{values:e}=s(g,f,o,!1);if(e.logs===void 0)throw new r(`missing --logs FILE

${o}`);if(e.control===void 0||e.canary===void 0)throw new r(`missing --control VERSION and --canary VERSION

${o}`);let{sections:p,request:u}=await m(t,e),n=await c(i(t,e.logs),e.control,e.canary,p,u);return await h(t,e,n,a,l),n.verdict==="rollback"?1:0}};export{F as canaryCommand};
