import{b as f,d,e as h}from"./chunk-6SPHD7NP.js";import"./chunk-PMCMLVYK.js";import{f as g,g as y,i as n,j as a}from"./chunk-4B5KOWVA.js";import{F as w}from"./chunk-CPN35RB6.js";import"./chunk-KBZ7J433.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{e as l,f as p}from"./chunk-MXRAZAPR.js";import{writeFile as $}from"node:fs/promises";var o=`Usage: tollgate contract infer <data> [--out contract.yml] [--json]

Writes a starting data contract from the data: types, nullability, unique
keys, category lists and ID patterns as error rules; observed bounds as warn
rules to review. Without --out the contract is printed.`,I={name:"contract",usage:o,async run(b,r){let{values:t,positionals:s}=g(b,{out:{type:"string",short:"o"},json:{type:"boolean"},format:{type:"string"}},o),c=n(s,0,"the subcommand 'infer'",o);if(c!=="infer")throw new l(`unknown subcommand '${c}'; expected infer

${o}`);let i=n(s,1,"the data file",o),u=h(r,"contract infer"),v=await w(a(r,i),{read:{format:t.format},onProgress:u.update});u.done();let e=d(v,i),m=f(e,t.out??"contract.yml");if(t.out)try{await $(a(r,t.out),e)}catch(C){throw new p({file:t.out},`cannot write the contract (${C.message})`)}return t.json?y(r,{contract:t.out??null,rules:m.value}):t.out?r.stdout.write(`wrote ${t.out} (${Object.keys(m.value.columns).length} columns)
`):r.stdout.write(e),0}};export{I as contractCommand};
