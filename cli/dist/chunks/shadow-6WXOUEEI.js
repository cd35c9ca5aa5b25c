import{a as i,b as u,c as g,d as p,f as v,g as b,h as y,i as n}from"./chunk-F6XETXOW.js";import"./chunk-7XWJEYL2.js";import"./chunk-V5IEBS2N.js";import"./chunk-MHLTXHIK.js";import"./chunk-2ZOBNP6H.js";import{y as h}from"./chunk-27STULWA.js";import"./chunk-ILVSQOQP.js";import"./chunk-PMCMLVYK.js";import{e as w,f}from"./chunk-Z5OMZMZE.js";import"./chunk-WJOS3PZX.js";import"./chunk-IQKXHYAI.js";import"./chunk-YORJVLTO.js";import"./chunk-TMDTBFC3.js";import{b as m}from"./chunk-U2NORN77.js";import{resolve as r}from"node:path";var d=`Usage: tollgate shadow --live FILE --shadow FILE [--labels FILE]
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

Exit codes: 0 pass or not enough traffic yet, 1 a bound is broken, 2 usage or input error.`,I={live:{type:"string"},shadow:{type:"string"},labels:{type:"string"},since:{type:"string"},until:{type:"string"},model:{type:"string"},stage:{type:"string"},format:{type:"string"},config:{type:"string"},json:{type:"boolean",default:!1},out:{type:"string"},evidence:{type:"string"}},R={name:"shadow",usage:d,async run(E,o){let{values:e}=w(E,I,d,!1);if(e.live===void 0||e.shadow===void 0)throw new m(`missing --live FILE and --shadow FILE

${d}`);let t=await v(o,e.config),a=t.monitor.task??t.evaluation.task??"classification",l={columns:t.monitor.columns,numericLabels:a==="regression",format:y(e.format)},c=await i(r(o.cwd,e.live),l),F=await i(r(o.cwd,e.shadow),l),L=e.labels===void 0?null:await u(r(o.cwd,e.labels),{id:t.monitor.labels.id??c.roles.id??"request_id",label:t.monitor.labels.label??"label",task:a}),s=await p(c,F,L,{bounds:t.monitor.shadow,task:a,threshold:t.monitor.threshold??t.evaluation.threshold,policy:t.evaluation,drift:t.drift,minLabels:t.monitor.performance.min_labels,window:await b(o,e),model:e.model,stage:e.stage});return e.out!==void 0&&await n(o,e.out,s),e.evidence!==void 0&&await n(o,e.evidence,g(s)),e.json?f(o,s):o.stdout.write(h(s)),s.verdict==="fail"?1:0}};export{R as shadowCommand};
