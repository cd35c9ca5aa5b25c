import{b as l,d,e as p,f as h}from"./chunk-SNWSLIYJ.js";import"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as f,h as y,j as n,k as g,l as w}from"./chunk-7VBCIGOH.js";import"./chunk-3YAETCKK.js";import"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import{e as m}from"./chunk-5RNU7IOU.js";var r=`Usage: tollgate contract infer <data> [--out contract.yml] [--json] [--format F] [--delimiter D]

Writes a starting data contract from the data: types, nullability, unique
keys, category lists and ID patterns as error rules; observed bounds as warn
rules to review. Without --out the contract is printed.`,x={name:"contract",usage:r,subcommands:["infer"],async run(b,e){let{values:t,positionals:a}=f(b,{out:{type:"string",short:"o"},json:{type:"boolean"},format:{type:"string"},delimiter:{type:"string"}},r),s=n(a,0,"the subcommand 'infer'",r);if(s!=="infer")throw new m(`unknown subcommand '${s}'; expected infer

${r}`);let i=n(a,1,"the data file",r),c=h(e,"contract infer"),C=await p(g(e,i),{format:t.format,delimiter:t.delimiter},c.update);c.done();let o=d(C,i),u=l(o,t.out??"contract.yml");return t.out&&await w(e,t.out,o,{what:"the contract",asTyped:!0}),t.json?y(e,{contract:t.out??null,rules:u.value}):t.out?e.stdout.write(`wrote ${t.out} (${Object.keys(u.value.columns).length} columns)
`):e.stdout.write(o),0}};export{x as contractCommand};
