import"./chunk-OBLBS5YC.js";import"./chunk-UTDGIQBH.js";import"./chunk-YTS5Y2DJ.js";import"./chunk-Y3AZ4HZH.js";import{f as h,g as i}from"./chunk-AYDFAG52.js";import"./chunk-PMCMLVYK.js";import{d as c,e as S,f as $,g as b,h as j,i as p}from"./chunk-Z5OMZMZE.js";import{A as w,B as y,C as P,E as x,F as C}from"./chunk-RPOBSLXY.js";import"./chunk-5NGZHBMM.js";import"./chunk-YORJVLTO.js";import"./chunk-TMDTBFC3.js";import{b as d,c as s}from"./chunk-U2NORN77.js";import{readFile as E,writeFile as F}from"node:fs/promises";var l=`Usage: tollgate profile <data> [--json] [--out profile.json] [--threads N]
       tollgate profile merge <a.json> <b.json> [...] [--out merged.json] [--json]

Profiles a data file in one streaming pass: per column type, count (non-null),
nulls, min, max, mean, std (sample), distinct (exact while few, else within
about 2%), top values. --out writes the full mergeable profile
(tollgate.profile/v1); profiles of shards merge into the profile of the whole.
--threads N reads an uncompressed CSV in N parts at once (quoted fields must
not contain line breaks); other formats use one thread.`,X={name:"profile",usage:l,async run(a,t){let{values:r,positionals:e}=S(a,{json:{type:"boolean"},out:{type:"string",short:"o"},format:{type:"string"},delimiter:{type:"string"},threads:{type:"string"}},l),o=j(e,0,"the data file",l),f;if(o==="merge"){let n=e.slice(1);if(n.length<2)throw new d(`profile merge needs at least two profile files

${l}`);let g=[];for(let m of n)g.push(await I(p(t,m),m));f=g.reduce((m,v,N)=>T(m,v,n[N+1]))}else{if(e.length>1)throw new d(`expected one data file, got ${e.length}

${l}`);f=await C(p(t,o),{threads:b(r.threads,"--threads",1),workerUrl:new URL("../profile-worker.js",import.meta.url),read:{format:r.format,delimiter:r.delimiter}})}if(r.out)try{await F(p(t,r.out),y(f,{pretty:!0}))}catch(n){throw new s({file:r.out},`cannot write the profile (${n.message})`)}let u=x(f);return r.json?$(t,u):U(t,u),0}};async function I(a,t){let r;try{r=await E(a,"utf8")}catch(o){throw new s({file:t},c(o))}let e;try{e=JSON.parse(r)}catch(o){throw new s({file:t},`not JSON (${o.message}); expected a profile written by \`tollgate profile --out\``)}return P(e,t)}function T(a,t,r){try{return w(a,t)}catch(e){throw e instanceof RangeError||e instanceof TypeError?new s({file:r},`cannot merge: ${e.message}`):e}}function U(a,t){let r=t.columns.map(e=>[e.name,e.type,i(e.count),i(e.nulls),i(e.min),i(e.max),i(e.mean),i(e.std),`${e.distinct_exact?"":"~"}${i(e.distinct)}`,e.top?e.top.slice(0,3).map(o=>`${o.value} (${o.count})`).join(", "):""]);a.stdout.write(`${t.rows.toLocaleString("en-US")} rows

${h(["column","type","count","nulls","min","max","mean","std","distinct","top"],r,32)}
`)}export{X as profileCommand};
