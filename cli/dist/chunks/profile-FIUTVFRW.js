import"./chunk-5LM4LDHD.js";import"./chunk-KB74JXU2.js";import{j as b,k as a}from"./chunk-6VPMFVRZ.js";import"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as j,h as v,i as x,j as C,k as d,l as S}from"./chunk-7VBCIGOH.js";import{G as g,H as w,I as y,K as P,M as $}from"./chunk-3YAETCKK.js";import"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import{b as c,e as f,f as p}from"./chunk-5RNU7IOU.js";import{availableParallelism as E}from"node:os";var s=`Usage: tollgate profile <data> [--json] [--out profile.json] [--threads N]
       tollgate profile merge <a.json> <b.json> [...] [--out merged.json] [--json]

Profiles a data file in one streaming pass: per column type, count (non-null),
nulls, min, max, mean, std (sample), distinct (exact while few, else within
about 2%), top values. --out writes the full mergeable profile
(tollgate.profile/v1); profiles of shards merge into the profile of the whole.
--threads N parses on one thread while N-1 others profile (any format); a
large uncompressed CSV (112 MiB a thread or more) is read in N parts at once
instead, which needs quoted fields without line breaks.`,z={name:"profile",usage:s,subcommands:["merge"],async run(n,r){let{values:t,positionals:o}=j(n,{json:{type:"boolean"},out:{type:"string",short:"o"},format:{type:"string"},delimiter:{type:"string"},threads:{type:"string"}},s),e=C(o,0,"the data file",s),i;if(e==="merge"){let m=o.slice(1);if(m.length<2)throw new f(`profile merge needs at least two profile files

${s}`);let h=[];for(let l of m)h.push(await U(d(r,l),l));i=h.reduce((l,N,T)=>k(l,N,m,T))}else{if(o.length>1)throw new f(`expected one data file, got ${o.length}

${s}`);i=await $(d(r,e),{threads:I(t.threads),workerUrl:new URL("../profile-worker.js",import.meta.url),read:{format:t.format,delimiter:t.delimiter}})}t.out&&await S(r,t.out,w(i,{pretty:!0}),{what:"the profile",asTyped:!0});let u=P(i);return t.json?v(r,u):J(r,u),0}};function I(n){let r=x(n,"--threads",1),t=E();if(r>t)throw new f(`--threads ${r}: this machine runs ${t} thread${t===1?"":"s"} at once; use at most ${t}`);return r}async function U(n,r){let t=await c(n,r),o;try{o=JSON.parse(t)}catch(e){throw new p({file:r},`not JSON (${e.message}); expected a profile written by \`tollgate profile --out\``)}return y(o,r)}function k(n,r,t,o){let e={a:o===1?t[0]:`the merge of ${t.slice(0,o).join(", ")}`,b:t[o]};try{return g(n,r,e)}catch(i){throw i instanceof RangeError||i instanceof TypeError?new p({file:t[o]},`cannot merge with ${e.a}: ${i.message}`):i}}function J(n,r){let t=r.columns.some(e=>e.invalid>0),o=r.columns.map(e=>[e.name,e.type,a(e.count),a(e.nulls),...t?[a(e.invalid)]:[],a(e.min),a(e.max),a(e.mean),a(e.std),`${e.distinct_exact?"":"~"}${a(e.distinct)}`,e.top?e.top.slice(0,3).map(i=>`${i.value} (${i.count})`).join(", "):""]);n.stdout.write(`${r.rows.toLocaleString("en-US")} rows

${b(["column","type","count","nulls",...t?["invalid (in nulls)"]:[],"min","max","mean","std","distinct","top"],o,32)}
`)}export{z as profileCommand};
