import"./chunk-5LM4LDHD.js";import"./chunk-KB74JXU2.js";import{j as m,k as d}from"./chunk-6VPMFVRZ.js";import"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as p,h as l,i as f,j as u,k as g}from"./chunk-7VBCIGOH.js";import"./chunk-3YAETCKK.js";import{i}from"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import{e as s}from"./chunk-5RNU7IOU.js";var n=`Usage: tollgate head <data> [-n 10] [--json] [--format csv|jsonl|parquet|arrow]

Prints the first rows of any supported data file. --json prints an array of
objects keyed by column name (dates as ISO 8601 strings).`,x={name:"head",usage:n,async run(c,t){let{values:e,positionals:a}=p(c,{n:{type:"string",short:"n"},json:{type:"boolean"},format:{type:"string"},delimiter:{type:"string"}},n),h=u(a,0,"the data file",n);if(a.length>1)throw new s(`expected one data file, got ${a.length}

${n}`);let y=f(e.n,"-n",10),{columns:r,rows:o}=await i(g(t,h),y,{format:e.format,delimiter:e.delimiter});return e.json?(l(t,o),0):(t.stdout.write(`${m(r,o.map(w=>r.map(j=>d(w[j]))),24)}
`),o.length===0&&t.stdout.write(`(no rows)
`),0)}};export{x as headCommand};
