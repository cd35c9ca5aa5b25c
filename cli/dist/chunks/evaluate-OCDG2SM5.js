import{e as g}from"./chunk-BXS5NX6Z.js";import{j as s,k as h}from"./chunk-DPH6ENZP.js";import{a as r}from"./chunk-WYMSQKYT.js";import{c,d as u}from"./chunk-U4CRVJYV.js";import"./chunk-KB74JXU2.js";import"./chunk-ODDHVIO6.js";import"./chunk-PMCMLVYK.js";import{f as p,g as f,j as n}from"./chunk-4B5KOWVA.js";import"./chunk-CPN35RB6.js";import"./chunk-KBZ7J433.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{e as m,f as d}from"./chunk-MXRAZAPR.js";import{existsSync as E}from"node:fs";import{writeFile as y}from"node:fs/promises";import{join as v}from"node:path";var l=`Usage: tollgate evaluate --predictions FILE [--champion FILE] [options]

Compares the challenger's predictions with the champion's on the same rows
(joined on id) and decides: promote (exit 0) or reject (exit 1). Without
--champion the decision uses the absolute thresholds (evaluation.min/max).

Options:
  --predictions FILE  the challenger's predictions (CSV, TSV, JSON lines, Parquet, Arrow)
  --champion FILE     the champion's predictions on the same rows
  --id NAME           id column (default: evaluation.columns.id, else 'id')
  --label NAME        label column (default: evaluation.columns.label, else 'label')
  --score NAME        score or prediction column (default: evaluation.columns.score, else 'score')
  --config FILE       configuration file (default: ${r} when it exists)
  --model NAME        model name shown in the Markdown report
  --json              print the whole report as one JSON document
  --out FILE          also write the JSON report (evaluation.json) to FILE
  --markdown FILE     also write the Markdown report (the pull-request comment) to FILE

Exit codes: 0 promote, 1 reject, 2 usage or input error.`,C={predictions:{type:"string"},champion:{type:"string"},id:{type:"string"},label:{type:"string"},score:{type:"string"},config:{type:"string"},json:{type:"boolean",default:!1},out:{type:"string"},markdown:{type:"string"},model:{type:"string"}};async function I(t,e){return e!==void 0?(await s(n(t,e))).value:E(v(t.cwd,r))?(await s(n(t,r))).value:h()}async function w(t,e,o){if(e!==void 0)try{await y(n(t,e),o)}catch(a){throw new d({file:e},`cannot write the report (${a.message})`)}}var S={name:"evaluate",usage:l,async run(t,e){let{values:o}=p(t,C,l,!1);if(o.predictions===void 0)throw new m(`missing --predictions FILE

${l}`);let a=await I(e,o.config),i=await g({predictions:n(e,o.predictions),champion:o.champion===void 0?void 0:n(e,o.champion),columns:{id:o.id,label:o.label,score:o.score},policy:a});return await w(e,o.out,`${JSON.stringify(i,null,2)}
`),await w(e,o.markdown,c(i,{model:o.model})),o.json?f(e,i):e.stdout.write(u(i)),i.decision==="promote"?0:1}};export{S as evaluateCommand};
