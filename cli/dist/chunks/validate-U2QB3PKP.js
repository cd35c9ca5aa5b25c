import{a as f,c as m,f as C}from"./chunk-SNWSLIYJ.js";import{a as u,b as w}from"./chunk-5LM4LDHD.js";import"./chunk-KB74JXU2.js";import"./chunk-6VPMFVRZ.js";import{a as p,b as g}from"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as v,h,j as y,k as s,l as O}from"./chunk-7VBCIGOH.js";import"./chunk-3YAETCKK.js";import"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import{e as n}from"./chunk-5RNU7IOU.js";var e=`Usage: tollgate validate <data> --contract <file> [--json] [--out report.json] [--markdown report.md] [--fail-on error|warn|never]

Checks a data file (CSV, JSON lines, Parquet, Arrow; .gz for text) against a data contract.
Exit codes: 0 no failing rule at the --fail-on level (default error), 1 a rule failed, 2 usage or input error.`,V={name:"validate",usage:e,async run(x,r){let{values:t,positionals:i}=v(x,{contract:{type:"string",short:"c"},json:{type:"boolean"},out:{type:"string",short:"o"},markdown:{type:"string"},"fail-on":{type:"string"},format:{type:"string"},delimiter:{type:"string"}},e),l=y(i,0,"the data file",e);if(i.length>1)throw new n(`expected one data file, got ${i.length}

${e}`);if(!t.contract)throw new n(`missing --contract <file>

${e}`);let o=t["fail-on"]??"error";if(!p.includes(o))throw new n(`--fail-on must be error, warn or never; got '${o}'`);let k=await f(s(r,t.contract)),d=C(r,"validate"),a=await m(s(r,l),k,{onProgress:d.update,read:{format:t.format,delimiter:t.delimiter}});d.done(),a.data=l,a.contract=t.contract;for(let[c,A]of[[t.out,`${JSON.stringify(a,null,2)}
`],[t.markdown,w(a,o)]])c!==void 0&&await O(r,c,A,{asTyped:!0});return t.json?h(r,a):r.stdout.write(u(a,o)),g(a,o)?1:0}};export{V as validateCommand};
