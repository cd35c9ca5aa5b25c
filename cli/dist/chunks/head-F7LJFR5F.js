import"./chunk-OF7KJPRC.js";import"./chunk-KB74JXU2.js";import{i as m,j as d}from"./chunk-Y4GRNCRM.js";import"./chunk-PMCMLVYK.js";import{f as p,g as l,h as f,i as c,j as g}from"./chunk-Z5ZKZIWP.js";import"./chunk-YMBUMWY4.js";import{i}from"./chunk-BFXFXITE.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{e as s}from"./chunk-MXRAZAPR.js";var a=`Usage: tollgate head <data> [-n 10] [--json] [--format csv|jsonl|parquet|arrow]

Prints the first rows of any supported data file. --json prints an array of
objects keyed by column name (dates as ISO 8601 strings).`,x={name:"head",usage:a,async run(u,n){let{values:t,positionals:r}=p(u,{n:{type:"string",short:"n"},json:{type:"boolean"},format:{type:"string"},delimiter:{type:"string"}},a),h=c(r,0,"the data file",a);if(r.length>1)throw new s(`expected one data file, got ${r.length}

${a}`);let y=f(t.n,"-n",10),e=await i(g(n,h),y,{format:t.format,delimiter:t.delimiter});if(t.json)return l(n,e),0;let o=e.length>0?Object.keys(e[0]):[];return n.stdout.write(`${m(o,e.map(w=>o.map(j=>d(w[j]))),24)}
`),0}};export{x as headCommand};
