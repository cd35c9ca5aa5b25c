import{e as h}from"./chunk-5ELWCL4M.js";import{j as s,k as f}from"./chunk-D6N5ANAE.js";import{a}from"./chunk-WYMSQKYT.js";import{c as m,d as u}from"./chunk-5LM4LDHD.js";import"./chunk-KB74JXU2.js";import"./chunk-6VPMFVRZ.js";import"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as p,h as c,k as i,l as r}from"./chunk-7VBCIGOH.js";import"./chunk-3YAETCKK.js";import"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import{e as d}from"./chunk-5RNU7IOU.js";import{existsSync as w}from"node:fs";import{join as E}from"node:path";var l=`Usage: tollgate evaluate --predictions FILE [--champion FILE] [options]

Compares the challenger's predictions with the champion's on the same rows
(joined on id) and decides: promote (exit 0) or reject (exit 1). Without
--champion the decision uses the absolute thresholds (evaluation.min/max).

Options:
  --predictions FILE  the challenger's predictions (CSV, TSV, JSON lines, Parquet, Arrow)
  --champion FILE     the champion's predictions on the same rows
  --id NAME           id column (default: evaluation.columns.id, else 'id')
  --label NAME        label column (default: evaluation.columns.label, else 'label')
  --score NAME        score or prediction column (default: evaluation.columns.score, else 'score')
  --config FILE       configuration file (default: ${a} when it exists)
  --model NAME        model name shown in the Markdown report
  --json              print the whole report as one JSON document
  --out FILE          also write the JSON report (evaluation.json) to FILE
  --markdown FILE     also write the Markdown report (the pull-request comment) to FILE

Exit codes: 0 promote, 1 reject, 2 usage or input error.`,y={predictions:{type:"string"},champion:{type:"string"},id:{type:"string"},label:{type:"string"},score:{type:"string"},config:{type:"string"},json:{type:"boolean",default:!1},out:{type:"string"},markdown:{type:"string"},model:{type:"string"}};async function v(t,o){return o!==void 0?(await s(i(t,o))).value:w(E(t.cwd,a))?(await s(i(t,a))).value:f()}var x={name:"evaluate",usage:l,async run(t,o){let{values:e}=p(t,y,l,!1);if(e.predictions===void 0)throw new d(`missing --predictions FILE

${l}`);let g=await v(o,e.config),n=await h({predictions:i(o,e.predictions),champion:e.champion===void 0?void 0:i(o,e.champion),columns:{id:e.id,label:e.label,score:e.score},policy:g});return e.out!==void 0&&await r(o,e.out,`${JSON.stringify(n,null,2)}
`,{asTyped:!0}),e.markdown!==void 0&&await r(o,e.markdown,m(n,{model:e.model}),{asTyped:!0}),e.json?c(o,n):o.stdout.write(u(n)),n.decision==="promote"?0:1}};export{x as evaluateCommand};
