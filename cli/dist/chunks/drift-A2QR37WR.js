import{b as I,d as L}from"./chunk-UOG5JV5V.js";import{j as b,p as F,u as j,v as C,w as v}from"./chunk-HCWOJTIN.js";import{d as m,e as g,g as E,h as i}from"./chunk-EH4XEJJV.js";import{C as y}from"./chunk-WK2FCXQ5.js";import"./chunk-J4LHC6NZ.js";import"./chunk-AKUAYJDA.js";import"./chunk-QJUQUJAH.js";import{c as l,d as h}from"./chunk-TVWFSZOT.js";import{existsSync as O}from"node:fs";import{writeFile as $}from"node:fs/promises";import{join as S}from"node:path";var p=".github/tollgate.yml",u=`Usage: tollgate drift --reference <data|profile.json> --current <data> [options]
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
                       (default: ${p} when it exists)
  --segment-by COLUMN  also say which values of COLUMN drive each shift (repeatable)
  --fail-on LEVEL      warn, alert or never (default: the config's fail_on, else alert)
  --json               print the report as one JSON document
  --out FILE           write the JSON report to FILE
  --markdown FILE      write the Markdown report (the job summary) to FILE

Exit codes: 0 no drift at the --fail-on level, 1 drift, 2 usage or input error.`,k={reference:{type:"string"},current:{type:"string"},config:{type:"string"},"segment-by":{type:"string",multiple:!0},"fail-on":{type:"string"},json:{type:"boolean",default:!1},out:{type:"string",short:"o"},markdown:{type:"string"}};async function x(n,t){let e=t??(O(S(n.cwd,p))?p:void 0);if(e===void 0)return{config:L()};let r=i(n,e);return{config:(await I(r)).value,file:r}}async function w(n,t){try{await $(n,t)}catch(e){throw new h({file:n},`cannot write the file (${e.message})`)}}function N(n,t){return t==="never"?!1:t==="warn"&&n.level==="warn"||n.level==="alert"}var d=`Usage: tollgate drift baseline <data> --out profile.json [--json]

Profiles a data file twice: once to freeze each numeric column's bins
(reference deciles, or its values when it has at most 20), once to count
them exactly. The profile is the reference for later drift checks.`;async function P(n,t){let{values:e,positionals:r}=m(n,{out:{type:"string",short:"o"},json:{type:"boolean",default:!1}},d),s=E(r,0,"the data file",d);if(r.length>1)throw new l(`expected one data file, got ${r.length}

${d}`);if(!e.out)throw new l(`missing --out <profile.json>

${d}`);let o=await F(i(t,s));await w(i(t,e.out),y(o));let f=o.columns.filter(c=>c.kind==="number"&&c.bins!==null).length;return e.json?g(t,{profile:e.out,data:s,rows:o.rows,columns:o.columns.length,binned_columns:f}):t.stdout.write(`Wrote ${e.out}: baseline of ${s} (${o.rows.toLocaleString("en-US")} rows, ${o.columns.length} columns, ${f} with frozen bins)
`),0}var q={name:"drift",usage:u,async run(n,t){if(n[0]==="baseline")return P(n.slice(1),t);let{values:e}=m(n,k,u,!1);if(!e.reference)throw new l(`missing --reference <data|profile.json>

${u}`);if(!e.current)throw new l(`missing --current <data>

${u}`);let r=e["fail-on"];if(r!==void 0&&!b.includes(r))throw new l(`--fail-on must be warn, alert or never; got '${r}'`);let{config:s,file:o}=await x(t,e.config),f=[...new Set([...s.segment_by,...e["segment-by"]??[]])],c={...s,segment_by:f},a=await j(i(t,e.reference),i(t,e.current),{settings:c,configFile:o});return a.reference.path=e.reference,a.current.path=e.current,e.out&&await w(i(t,e.out),`${JSON.stringify(a,null,2)}
`),e.markdown&&await w(i(t,e.markdown),C(a)),e.json?g(t,a):t.stdout.write(v(a)),N(a,r??s.fail_on)?1:0}};export{q as driftCommand,N as driftFails};
