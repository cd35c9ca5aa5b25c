import"./chunk-64M7HTEQ.js";import"./chunk-EIM3GYPI.js";import"./chunk-HSLEJ6XH.js";import"./chunk-KRR2CXZJ.js";import{f as h,g as i}from"./chunk-JPNWPIE6.js";import"./chunk-PMCMLVYK.js";import{d as c,e as S,f as $,g as b,h as j,i as m}from"./chunk-Z5OMZMZE.js";import{A as w,B as y,C as P,E as x,G as C}from"./chunk-Q2BYUJJB.js";import"./chunk-63UEQVPI.js";import"./chunk-YORJVLTO.js";import"./chunk-TMDTBFC3.js";import{b as d,c as s}from"./chunk-U2NORN77.js";import{readFile as E,writeFile as F}from"node:fs/promises";var l=`Usage: tollgate profile <data> [--json] [--out profile.json] [--threads N]
       tollgate profile merge <a.json> <b.json> [...] [--out merged.json] [--json]

Profiles a data file in one streaming pass: per column type, count (non-null),
nulls, min, max, mean, std (sample), distinct (exact while few, else within
about 2%), top values. --out writes the full mergeable profile
(tollgate.profile/v1); profiles of shards merge into the profile of the whole.
--threads N parses on one thread while N-1 others profile (any format); a
large uncompressed CSV (112 MiB a thread or more) is read in N parts at once
instead, which needs quoted fields without line breaks.`,X={name:"profile",usage:l,async run(a,t){let{values:r,positionals:e}=S(a,{json:{type:"boolean"},out:{type:"string",short:"o"},format:{type:"string"},delimiter:{type:"string"},threads:{type:"string"}},l),o=j(e,0,"the data file",l),f;if(o==="merge"){let n=e.slice(1);if(n.length<2)throw new d(`profile merge needs at least two profile files

${l}`);let u=[];for(let p of n)u.push(await I(m(t,p),p));f=u.reduce((p,N,v)=>T(p,N,n[v+1]))}else{if(e.length>1)throw new d(`expected one data file, got ${e.length}

${l}`);f=await C(m(t,o),{threads:b(r.threads,"--threads",1),workerUrl:new URL("../profile-worker.js",import.meta.url),read:{format:r.format,delimiter:r.delimiter}})}if(r.out)try{await F(m(t,r.out),y(f,{pretty:!0}))}catch(n){throw new s({file:r.out},`cannot write the profile (${n.message})`)}let g=x(f);return r.json?$(t,g):U(t,g),0}};async function I(a,t){let r;try{r=await E(a,"utf8")}catch(o){throw new s({file:t},c(o))}let e;try{e=JSON.parse(r)}catch(o){throw new s({file:t},`not JSON (${o.message}); expected a profile written by \`tollgate profile --out\``)}return P(e,t)}function T(a,t,r){try{return w(a,t)}catch(e){throw e instanceof RangeError||e instanceof TypeError?new s({file:r},`cannot merge: ${e.message}`):e}}function U(a,t){let r=t.columns.map(e=>[e.name,e.type,i(e.count),i(e.nulls),i(e.min),i(e.max),i(e.mean),i(e.std),`${e.distinct_exact?"":"~"}${i(e.distinct)}`,e.top?e.top.slice(0,3).map(o=>`${o.value} (${o.count})`).join(", "):""]);a.stdout.write(`${t.rows.toLocaleString("en-US")} rows

${h(["column","type","count","nulls","min","max","mean","std","distinct","top"],r,32)}
`)}export{X as profileCommand};
