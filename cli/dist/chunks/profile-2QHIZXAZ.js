import"./chunk-U4CRVJYV.js";import"./chunk-KB74JXU2.js";import{i as g,j as i}from"./chunk-ODDHVIO6.js";import"./chunk-PMCMLVYK.js";import{f as x,g as b,h as S,i as C,j as m}from"./chunk-4B5KOWVA.js";import{C as w,D as y,E as P,G as $,I as j}from"./chunk-CPN35RB6.js";import"./chunk-KBZ7J433.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{a as h,e as d,f as s}from"./chunk-MXRAZAPR.js";import{readFile as E,writeFile as U}from"node:fs/promises";var l=`Usage: tollgate profile <data> [--json] [--out profile.json] [--threads N]
       tollgate profile merge <a.json> <b.json> [...] [--out merged.json] [--json]

Profiles a data file in one streaming pass: per column type, count (non-null),
nulls, min, max, mean, std (sample), distinct (exact while few, else within
about 2%), top values. --out writes the full mergeable profile
(tollgate.profile/v1); profiles of shards merge into the profile of the whole.
--threads N parses on one thread while N-1 others profile (any format); a
large uncompressed CSV (112 MiB a thread or more) is read in N parts at once
instead, which needs quoted fields without line breaks.`,L={name:"profile",usage:l,async run(a,t){let{values:r,positionals:e}=x(a,{json:{type:"boolean"},out:{type:"string",short:"o"},format:{type:"string"},delimiter:{type:"string"},threads:{type:"string"}},l),o=C(e,0,"the data file",l),f;if(o==="merge"){let n=e.slice(1);if(n.length<2)throw new d(`profile merge needs at least two profile files

${l}`);let c=[];for(let p of n)c.push(await k(m(t,p),p));f=c.reduce((p,v,N)=>I(p,v,n[N+1]))}else{if(e.length>1)throw new d(`expected one data file, got ${e.length}

${l}`);f=await j(m(t,o),{threads:S(r.threads,"--threads",1),workerUrl:new URL("../profile-worker.js",import.meta.url),read:{format:r.format,delimiter:r.delimiter}})}if(r.out)try{await U(m(t,r.out),y(f,{pretty:!0}))}catch(n){throw new s({file:r.out},`cannot write the profile (${n.message})`)}let u=$(f);return r.json?b(t,u):J(t,u),0}};async function k(a,t){let r;try{r=await E(a,"utf8")}catch(o){throw new s({file:t},h(o))}let e;try{e=JSON.parse(r)}catch(o){throw new s({file:t},`not JSON (${o.message}); expected a profile written by \`tollgate profile --out\``)}return P(e,t)}function I(a,t,r){try{return w(a,t)}catch(e){throw e instanceof RangeError||e instanceof TypeError?new s({file:r},`cannot merge: ${e.message}`):e}}function J(a,t){let r=t.columns.map(e=>[e.name,e.type,i(e.count),i(e.nulls),i(e.min),i(e.max),i(e.mean),i(e.std),`${e.distinct_exact?"":"~"}${i(e.distinct)}`,e.top?e.top.slice(0,3).map(o=>`${o.value} (${o.count})`).join(", "):""]);a.stdout.write(`${t.rows.toLocaleString("en-US")} rows

${g(["column","type","count","nulls","min","max","mean","std","distinct","top"],r,32)}
`)}export{L as profileCommand};
