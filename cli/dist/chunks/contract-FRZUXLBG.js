import{b as l,d as p,e as h}from"./chunk-2DADVSTA.js";import"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as f,h as g,j as n,k as w,l as y}from"./chunk-2EEXCABH.js";import{J as d}from"./chunk-I4LLDVGE.js";import"./chunk-QTUKI2XE.js";import"./chunk-FYGFSPRH.js";import"./chunk-F3LCADNG.js";import{e as m}from"./chunk-5RNU7IOU.js";var r=`Usage: tollgate contract infer <data> [--out contract.yml] [--json]

Writes a starting data contract from the data: types, nullability, unique
keys, category lists and ID patterns as error rules; observed bounds as warn
rules to review. Without --out the contract is printed.`,P={name:"contract",usage:r,async run(b,o){let{values:t,positionals:a}=f(b,{out:{type:"string",short:"o"},json:{type:"boolean"},format:{type:"string"}},r),s=n(a,0,"the subcommand 'infer'",r);if(s!=="infer")throw new m(`unknown subcommand '${s}'; expected infer

${r}`);let c=n(a,1,"the data file",r),i=h(o,"contract infer"),v=await d(w(o,c),{read:{format:t.format},onProgress:i.update});i.done();let e=p(v,c),u=l(e,t.out??"contract.yml");return t.out&&await y(o,t.out,e,{what:"the contract",asTyped:!0}),t.json?g(o,{contract:t.out??null,rules:u.value}):t.out?o.stdout.write(`wrote ${t.out} (${Object.keys(u.value.columns).length} columns)
`):o.stdout.write(e),0}};export{P as contractCommand};
