import{e as g}from"./chunk-DC2UR4CR.js";import{i as a,j as h}from"./chunk-JJK6RU5Z.js";import{c,d as u}from"./chunk-MALVE6OT.js";import"./chunk-HCWOJTIN.js";import"./chunk-PMCMLVYK.js";import{d as p,e as f,h as n}from"./chunk-EH4XEJJV.js";import"./chunk-WK2FCXQ5.js";import"./chunk-J4LHC6NZ.js";import"./chunk-AKUAYJDA.js";import"./chunk-QJUQUJAH.js";import{c as d,d as m}from"./chunk-TVWFSZOT.js";import{existsSync as E}from"node:fs";import{writeFile as y}from"node:fs/promises";import{join as v}from"node:path";var l=".github/tollgate.yml",s=`Usage: tollgate evaluate --predictions FILE [--champion FILE] [options]

Compares the challenger's predictions with the champion's on the same rows
(joined on id) and decides: promote (exit 0) or reject (exit 1). Without
--champion the decision uses the absolute thresholds (evaluation.min/max).

Options:
  --predictions FILE  the challenger's predictions (CSV, TSV, JSON lines, Parquet, Arrow)
  --champion FILE     the champion's predictions on the same rows
  --id NAME           id column (default: evaluation.columns.id, else 'id')
  --label NAME        label column (default: evaluation.columns.label, else 'label')
  --score NAME        score or prediction column (default: evaluation.columns.score, else 'score')
  --config FILE       configuration file (default: ${l} when it exists)
  --model NAME        model name shown in the Markdown report
  --json              print the whole report as one JSON document
  --out FILE          also write the JSON report (evaluation.json) to FILE
  --markdown FILE     also write the Markdown report (the pull-request comment) to FILE

Exit codes: 0 promote, 1 reject, 2 usage or input error.`,C={predictions:{type:"string"},champion:{type:"string"},id:{type:"string"},label:{type:"string"},score:{type:"string"},config:{type:"string"},json:{type:"boolean",default:!1},out:{type:"string"},markdown:{type:"string"},model:{type:"string"}};async function I(t,e){return e!==void 0?(await a(n(t,e))).value:E(v(t.cwd,l))?(await a(n(t,l))).value:h()}async function w(t,e,o){if(e!==void 0)try{await y(n(t,e),o)}catch(r){throw new m({file:e},`cannot write the report (${r.message})`)}}var O={name:"evaluate",usage:s,async run(t,e){let{values:o}=p(t,C,s,!1);if(o.predictions===void 0)throw new d(`missing --predictions FILE

${s}`);let r=await I(e,o.config),i=await g({predictions:n(e,o.predictions),champion:o.champion===void 0?void 0:n(e,o.champion),columns:{id:o.id,label:o.label,score:o.score},policy:r});return await w(e,o.out,`${JSON.stringify(i,null,2)}
`),await w(e,o.markdown,c(i,{model:o.model})),o.json?f(e,i):e.stdout.write(u(i)),i.decision==="promote"?0:1}};export{O as evaluateCommand};
