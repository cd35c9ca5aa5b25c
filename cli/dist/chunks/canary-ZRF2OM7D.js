import{a as g,b as f,c as p,e as u,f as h,g as y,h as w,i}from"./chunk-F6XETXOW.js";import"./chunk-7XWJEYL2.js";import"./chunk-V5IEBS2N.js";import"./chunk-MHLTXHIK.js";import"./chunk-2ZOBNP6H.js";import{z as c}from"./chunk-27STULWA.js";import"./chunk-ILVSQOQP.js";import"./chunk-PMCMLVYK.js";import{e as d,f as m}from"./chunk-Z5OMZMZE.js";import"./chunk-WJOS3PZX.js";import"./chunk-IQKXHYAI.js";import"./chunk-YORJVLTO.js";import"./chunk-TMDTBFC3.js";import{b as s}from"./chunk-U2NORN77.js";import{resolve as b}from"node:path";var r=`Usage: tollgate canary --logs FILE --control VERSION --canary VERSION [--labels FILE]
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

Exit codes: 0 promote or hold, 1 rollback, 2 usage or input error.`,I={logs:{type:"string"},control:{type:"string"},canary:{type:"string"},labels:{type:"string"},since:{type:"string"},until:{type:"string"},model:{type:"string"},stage:{type:"string"},format:{type:"string"},config:{type:"string"},json:{type:"boolean",default:!1},out:{type:"string"},evidence:{type:"string"}},k={name:"canary",usage:r,async run(v,o){let{values:e}=d(v,I,r,!1);if(e.logs===void 0)throw new s(`missing --logs FILE

${r}`);if(e.control===void 0||e.canary===void 0)throw new s(`missing --control VERSION and --canary VERSION

${r}`);let t=await h(o,e.config),a=t.monitor.task??t.evaluation.task??"classification",l=await g(b(o.cwd,e.logs),{columns:t.monitor.columns,numericLabels:a==="regression",format:w(e.format)}),E=e.labels===void 0?null:await f(b(o.cwd,e.labels),{id:t.monitor.labels.id??l.roles.id??"request_id",label:t.monitor.labels.label??"label",task:a}),n=u(l,e.control,e.canary,E,{bounds:t.monitor.canary,task:a,threshold:t.monitor.threshold??t.evaluation.threshold,metric:t.monitor.performance.metrics[0]??t.evaluation.primary?.metric,resamples:t.monitor.performance.resamples,seed:t.monitor.performance.seed,minLabels:t.monitor.performance.min_labels,window:await y(o,e),model:e.model,stage:e.stage});return e.out!==void 0&&await i(o,e.out,n),e.evidence!==void 0&&await i(o,e.evidence,p(n)),e.json?m(o,n):o.stdout.write(c(n)),n.verdict==="rollback"?1:0}};export{k as canaryCommand};
