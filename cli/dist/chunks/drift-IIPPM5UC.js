import{d as L,f as S}from"./chunk-NJOGL5TB.js";import{a as d}from"./chunk-WYMSQKYT.js";import{A as F,B as I,n as y,o as b,u as j,z as C}from"./chunk-6VPMFVRZ.js";import"./chunk-PMCMLVYK.js";import{g as p,h,j as O,k as f,l as u}from"./chunk-7VBCIGOH.js";import{H as w}from"./chunk-3YAETCKK.js";import"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import{e as a}from"./chunk-5RNU7IOU.js";import{existsSync as $}from"node:fs";import{join as v}from"node:path";var m=`Usage: tollgate drift --reference <data|profile.json> --current <data> [options]
       tollgate drift baseline <data> --out profile.json [--json]

Compares current data with a reference, column by column. A column drifts
when its two-sample test is significant after Benjamini-Hochberg adjustment
(q <= 0.05) AND its PSI on the reference's frozen decile bins, minus the PSI
expected from sampling noise, is at least 0.10 (warn) or 0.25 (alert). Every
column's share of missing values, new categories and the row count are
checked too.

The reference is a data file (CSV, TSV, JSON lines, Parquet, Arrow; .gz for
text) or a baseline profile written by \`tollgate drift baseline\` (.json),
which carries frozen bins so the training data is never read again.

Options:
  --reference FILE     reference data, or a baseline profile (.json)
  --current FILE       the data to check
  --config FILE        drift settings: a drift.yml, or a tollgate.yml's drift: section
                       (default: ${d} when it exists)
  --segment-by COLUMN  also say which values of COLUMN drive each shift (repeatable)
  --fail-on LEVEL      warn, alert or never (default: the config's fail_on, else alert)
  --json               print the report as one JSON document
  --out FILE           write the JSON report to FILE
  --markdown FILE      write the Markdown report (the job summary) to FILE

Exit codes: 0 no drift at the --fail-on level, 1 drift, 2 usage or input error.`,E={reference:{type:"string"},current:{type:"string"},config:{type:"string"},"segment-by":{type:"string",multiple:!0},"fail-on":{type:"string"},json:{type:"boolean",default:!1},out:{type:"string",short:"o"},markdown:{type:"string"}};async function k(r,t){let e=t??($(v(r.cwd,d))?d:void 0);if(e===void 0)return{config:S()};let n=f(r,e);return{config:(await L(n)).value,file:n}}var g=`Usage: tollgate drift baseline <data> --out profile.json [--json]

Profiles a data file twice: once to freeze each numeric column's bins
(reference deciles, or its values when it has at most 20), once to count
them exactly. The profile is the reference for later drift checks.`;async function N(r,t){let{values:e,positionals:n}=p(r,{out:{type:"string",short:"o"},json:{type:"boolean",default:!1}},g),i=O(n,0,"the data file",g);if(n.length>1)throw new a(`expected one data file, got ${n.length}

${g}`);if(!e.out)throw new a(`missing --out <profile.json>

${g}`);let o=await j(f(t,i));await u(t,e.out,w(o),{what:"the file"});let l=o.columns.filter(c=>c.kind==="number"&&c.bins!==null).length;return e.json?h(t,{profile:e.out,data:i,rows:o.rows,columns:o.columns.length,binned_columns:l}):t.stdout.write(`Wrote ${e.out}: baseline of ${i} (${o.rows.toLocaleString("en-US")} rows, ${o.columns.length} columns, ${l} with frozen bins)
`),0}var B={name:"drift",usage:m,subcommands:["baseline"],async run(r,t){if(r[0]==="baseline")return N(r.slice(1),t);let{values:e}=p(r,E,m,!1);if(!e.reference)throw new a(`missing --reference <data|profile.json>

${m}`);if(!e.current)throw new a(`missing --current <data>

${m}`);let n=e["fail-on"];if(n!==void 0&&!y.includes(n))throw new a(`--fail-on must be warn, alert or never; got '${n}'`);let{config:i,file:o}=await k(t,e.config),l=[...new Set([...i.segment_by,...e["segment-by"]??[]])],c={...i,segment_by:l},s=await C(f(t,e.reference),f(t,e.current),{settings:c,configFile:o});return s.reference.path=e.reference,s.current.path=e.current,e.out&&await u(t,e.out,`${JSON.stringify(s,null,2)}
`,{what:"the file"}),e.markdown&&await u(t,e.markdown,F(s),{what:"the file"}),e.json?h(t,s):t.stdout.write(I(s)),b(s.level,n??i.fail_on)?1:0}};export{B as driftCommand};
