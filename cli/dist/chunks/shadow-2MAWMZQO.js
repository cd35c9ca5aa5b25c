import{a as c,b as m,d as h,e as f,f as g,g as n}from"./chunk-FEORROWZ.js";import"./chunk-DC2UR4CR.js";import"./chunk-C4CFANXI.js";import"./chunk-JJK6RU5Z.js";import"./chunk-UOG5JV5V.js";import{y as r}from"./chunk-MALVE6OT.js";import"./chunk-HCWOJTIN.js";import"./chunk-PMCMLVYK.js";import{d,e as l,h as s}from"./chunk-EH4XEJJV.js";import"./chunk-WK2FCXQ5.js";import"./chunk-J4LHC6NZ.js";import"./chunk-AKUAYJDA.js";import"./chunk-QJUQUJAH.js";import{c as i}from"./chunk-TVWFSZOT.js";var a=`Usage: tollgate shadow --live FILE --shadow FILE [--labels FILE]
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
