import"./chunk-MALVE6OT.js";import{f as m,g as d}from"./chunk-HCWOJTIN.js";import"./chunk-PMCMLVYK.js";import{d as p,e as l,f,g as c,h as g}from"./chunk-EH4XEJJV.js";import"./chunk-WK2FCXQ5.js";import{h as i}from"./chunk-J4LHC6NZ.js";import"./chunk-AKUAYJDA.js";import"./chunk-QJUQUJAH.js";import{c as s}from"./chunk-TVWFSZOT.js";var a=`Usage: tollgate head <data> [-n 10] [--json] [--format csv|jsonl|parquet|arrow]

Prints the first rows of any supported data file. --json prints an array of
objects keyed by column name (dates as ISO 8601 strings).`,x={name:"head",usage:a,async run(u,n){let{values:t,positionals:r}=p(u,{n:{type:"string",short:"n"},json:{type:"boolean"},format:{type:"string"},delimiter:{type:"string"}},a),h=c(r,0,"the data file",a);if(r.length>1)throw new s(`expected one data file, got ${r.length}

${a}`);let y=f(t.n,"-n",10),e=await i(g(n,h),y,{format:t.format,delimiter:t.delimiter});if(t.json)return l(n,e),0;let o=e.length>0?Object.keys(e[0]):[];return n.stdout.write(`${m(o,e.map(w=>o.map(j=>d(w[j]))),24)}
`),0}};export{x as headCommand};
