import{i as w,k as m,l as E}from"./chunk-MHLTXHIK.js";import{c as f}from"./chunk-MJUOODFR.js";import{e as s}from"./chunk-6S4UDLNP.js";import"./chunk-PMCMLVYK.js";import{e as g,f as h,i as r}from"./chunk-Z5OMZMZE.js";import"./chunk-WJOS3PZX.js";import"./chunk-IQKXHYAI.js";import"./chunk-YORJVLTO.js";import"./chunk-TMDTBFC3.js";import{b as u,c as p}from"./chunk-U2NORN77.js";import{existsSync as $}from"node:fs";import{writeFile as C}from"node:fs/promises";import{join as I}from"node:path";var d=".github/tollgate.yml",c=`Usage: tollgate evaluate --predictions FILE [--champion FILE] [options]

Compares the challenger's predictions with the champion's on the same rows
(joined on id) and decides: promote (exit 0) or reject (exit 1). Without
--champion the decision uses the absolute thresholds (evaluation.min/max).

Options:
  --predictions FILE  the challenger's predictions (CSV, TSV, JSON lines, Parquet, Arrow)
  --champion FILE     the champion's predictions on the same rows
  --id NAME           id column (default: evaluation.columns.id, else 'id')
  --label NAME        label column (default: evaluation.columns.label, else 'label')
  --score NAME        score or prediction column (default: evaluation.columns.score, else 'score')
  --config FILE       configuration file (default: ${d} when it exists)
  --model NAME        model name shown in the Markdown report
  --json              print the whole report as one JSON document
  --out FILE          also write the JSON report (evaluation.json) to FILE
  --markdown FILE     also write the Markdown report (the pull-request comment) to FILE

Exit codes: 0 promote, 1 reject, 2 usage or input error.`,b={predictions:{type:"string"},champion:{type:"string"},id:{type:"string"},label:{type:"string"},score:{type:"string"},config:{type:"string"},json:{type:"boolean",default:!1},out:{type:"string"},markdown:{type:"string"},model:{type:"string"}};async function F(e,o){return o!==void 0?(await m(r(e,o))).value:$(I(e.cwd,d))?(await m(r(e,d))).value:E()}function l(e){return e===null||Number.isNaN(e)?"\u2014":e>0?`+${s(e)}`:s(e)}function L(e){let o=e[0].map((n,a)=>Math.max(...e.map(t=>t[a].length)));return e.map(n=>n.map((a,t)=>a.padEnd(o[t])).join("  ").trimEnd())}function N(e){let o=e.mode==="champion"?"challenger vs champion":"no champion: absolute thresholds",n=[`${e.decision.toUpperCase()}  ${o}, ${e.rows.toLocaleString("en-US")} rows (${e.task})`,""];for(let t of e.reasons)n.push(`  - ${t}`);if(e.comparison.length>0){let t=["metric","gate","challenger","champion","delta",`${Math.round(e.bootstrap.confidence*100)}% CI`,"p","result"],v=e.comparison.map(i=>[i.metric,i.role,s(i.challenger),s(i.champion),l(i.delta),i.ci?`${l(i.ci[0])} to ${l(i.ci[1])}`:"\u2014",i.p_value===null?"\u2014":s(i.p_value,3),i.pass?"pass":"FAIL"]);n.push("",...L([t,...v]).map(i=>`  ${i}`))}let a=e.segments.filter(t=>t.status==="regressed");if(a.length>0){n.push("","  segments that regressed:");for(let t of a)n.push(`    ${t.segment}=${t.value??"(missing)"} (${t.rows} rows): ${t.metric} ${l(t.delta)}`)}for(let t of e.warnings)n.push(`  warning: ${t}`);return`${n.join(`
`)}
`}async function y(e,o,n){if(o!==void 0)try{await C(r(e,o),n)}catch(a){throw new p({file:o},`cannot write the report (${a.message})`)}}var U={name:"evaluate",usage:c,async run(e,o){let{values:n}=g(e,b,c,!1);if(n.predictions===void 0)throw new u(`missing --predictions FILE

${c}`);let a=await F(o,n.config),t=await w({predictions:r(o,n.predictions),champion:n.champion===void 0?void 0:r(o,n.champion),columns:{id:n.id,label:n.label,score:n.score},policy:a});return await y(o,n.out,`${JSON.stringify(t,null,2)}
`),await y(o,n.markdown,f(t,{model:n.model})),n.json?h(o,t):o.stdout.write(N(t)),t.decision==="promote"?0:1}};export{U as evaluateCommand,N as formatEvaluationText};
