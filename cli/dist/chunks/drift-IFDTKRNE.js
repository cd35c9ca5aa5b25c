import{b as $,d as v}from"./chunk-2TYFL77Z.js";import{a as m}from"./chunk-WYMSQKYT.js";import{A as E,m as b,n as j,t as C,y as F,z as I}from"./chunk-ODDHVIO6.js";import{f as g,g as p,i as O,j as i}from"./chunk-4B5KOWVA.js";import{D as y}from"./chunk-CPN35RB6.js";import"./chunk-KBZ7J433.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{e as f,f as h}from"./chunk-MXRAZAPR.js";import{existsSync as L}from"node:fs";import{writeFile as S}from"node:fs/promises";import{join as k}from"node:path";var u=`Usage: tollgate drift --reference <data|profile.json> --current <data> [options]
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
                       (default: ${m} when it exists)
  --segment-by COLUMN  also say which values of COLUMN drive each shift (repeatable)
  --fail-on LEVEL      warn, alert or never (default: the config's fail_on, else alert)
  --json               print the report as one JSON document
  --out FILE           write the JSON report to FILE
  --markdown FILE      write the Markdown report (the job summary) to FILE

Exit codes: 0 no drift at the --fail-on level, 1 drift, 2 usage or input error.`,N={reference:{type:"string"},current:{type:"string"},config:{type:"string"},"segment-by":{type:"string",multiple:!0},"fail-on":{type:"string"},json:{type:"boolean",default:!1},out:{type:"string",short:"o"},markdown:{type:"string"}};async function P(n,t){let e=t??(L(k(n.cwd,m))?m:void 0);if(e===void 0)return{config:v()};let r=i(n,e);return{config:(await $(r)).value,file:r}}async function w(n,t){try{await S(n,t)}catch(e){throw new h({file:n},`cannot write the file (${e.message})`)}}var d=`Usage: tollgate drift baseline <data> --out profile.json [--json]

Profiles a data file twice: once to freeze each numeric column's bins
(reference deciles, or its values when it has at most 20), once to count
them exactly. The profile is the reference for later drift checks.`;async function x(n,t){let{values:e,positionals:r}=g(n,{out:{type:"string",short:"o"},json:{type:"boolean",default:!1}},d),s=O(r,0,"the data file",d);if(r.length>1)throw new f(`expected one data file, got ${r.length}

${d}`);if(!e.out)throw new f(`missing --out <profile.json>

${d}`);let o=await C(i(t,s));await w(i(t,e.out),y(o));let l=o.columns.filter(c=>c.kind==="number"&&c.bins!==null).length;return e.json?p(t,{profile:e.out,data:s,rows:o.rows,columns:o.columns.length,binned_columns:l}):t.stdout.write(`Wrote ${e.out}: baseline of ${s} (${o.rows.toLocaleString("en-US")} rows, ${o.columns.length} columns, ${l} with frozen bins)
`),0}var V={name:"drift",usage:u,async run(n,t){if(n[0]==="baseline")return x(n.slice(1),t);let{values:e}=g(n,N,u,!1);if(!e.reference)throw new f(`missing --reference <data|profile.json>

${u}`);if(!e.current)throw new f(`missing --current <data>

${u}`);let r=e["fail-on"];if(r!==void 0&&!b.includes(r))throw new f(`--fail-on must be warn, alert or never; got '${r}'`);let{config:s,file:o}=await P(t,e.config),l=[...new Set([...s.segment_by,...e["segment-by"]??[]])],c={...s,segment_by:l},a=await F(i(t,e.reference),i(t,e.current),{settings:c,configFile:o});return a.reference.path=e.reference,a.current.path=e.current,e.out&&await w(i(t,e.out),`${JSON.stringify(a,null,2)}
`),e.markdown&&await w(i(t,e.markdown),I(a)),e.json?p(t,a):t.stdout.write(E(a)),j(a.level,r??s.fail_on)?1:0}};export{V as driftCommand};
