import{a as f,c as m,e as y}from"./chunk-GU3BZUMB.js";import{a as p,b as g}from"./chunk-OF7KJPRC.js";import"./chunk-KB74JXU2.js";import"./chunk-Y4GRNCRM.js";import"./chunk-PMCMLVYK.js";import{f as u,g as w,i as v,j as l,k as h}from"./chunk-Z5ZKZIWP.js";import"./chunk-YMBUMWY4.js";import"./chunk-BFXFXITE.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{e as i}from"./chunk-MXRAZAPR.js";var a=`Usage: tollgate validate <data> --contract <file> [--json] [--out report.json] [--markdown report.md] [--fail-on error|warn|never]

Checks a data file (CSV, JSON lines, Parquet, Arrow; .gz for text) against a data contract.
Exit codes: 0 no failing rule at the --fail-on level (default error), 1 a rule failed, 2 usage or input error.`,b={name:"validate",usage:a,async run(k,e){let{values:t,positionals:s}=u(k,{contract:{type:"string",short:"c"},json:{type:"boolean"},out:{type:"string",short:"o"},markdown:{type:"string"},"fail-on":{type:"string"},format:{type:"string"},delimiter:{type:"string"}},a),d=v(s,0,"the data file",a);if(s.length>1)throw new i(`expected one data file, got ${s.length}

${a}`);if(!t.contract)throw new i(`missing --contract <file>

${a}`);let o=t["fail-on"]??"error";if(!["error","warn","never"].includes(o))throw new i(`--fail-on must be error, warn or never; got '${o}'`);let C=await f(l(e,t.contract)),c=y(e,"validate"),r=await m(l(e,d),C,{onProgress:c.update,read:{format:t.format,delimiter:t.delimiter}});c.done(),r.data=d,r.contract=t.contract;for(let[n,x]of[[t.out,`${JSON.stringify(r,null,2)}
`],[t.markdown,g(r)]])n!==void 0&&await h(e,n,x,{asTyped:!0});return t.json?w(e,r):e.stdout.write(p(r)),(o==="never"?!1:o==="warn"?r.checks.some(n=>!n.ok):!r.ok)?1:0}};export{b as validateCommand};
