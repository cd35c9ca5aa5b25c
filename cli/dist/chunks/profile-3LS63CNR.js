import"./chunk-OF7KJPRC.js";import"./chunk-KB74JXU2.js";import{i as c,j as i}from"./chunk-Y4GRNCRM.js";import"./chunk-PMCMLVYK.js";import{f as $,g as b,h as S,i as C,j as d,k as v}from"./chunk-Z5ZKZIWP.js";import{C as w,D as y,E as P,G as j,I as x}from"./chunk-YMBUMWY4.js";import"./chunk-BFXFXITE.js";import"./chunk-3AXMYAHL.js";import"./chunk-6FAPRCES.js";import{a as g,e as m,f}from"./chunk-MXRAZAPR.js";import{readFile as T}from"node:fs/promises";var n=`Usage: tollgate profile <data> [--json] [--out profile.json] [--threads N]
       tollgate profile merge <a.json> <b.json> [...] [--out merged.json] [--json]

Profiles a data file in one streaming pass: per column type, count (non-null),
nulls, min, max, mean, std (sample), distinct (exact while few, else within
about 2%), top values. --out writes the full mergeable profile
(tollgate.profile/v1); profiles of shards merge into the profile of the whole.
--threads N parses on one thread while N-1 others profile (any format); a
large uncompressed CSV (112 MiB a thread or more) is read in N parts at once
instead, which needs quoted fields without line breaks.`,L={name:"profile",usage:n,async run(a,t){let{values:r,positionals:e}=$(a,{json:{type:"boolean"},out:{type:"string",short:"o"},format:{type:"string"},delimiter:{type:"string"},threads:{type:"string"}},n),o=C(e,0,"the data file",n),s;if(o==="merge"){let p=e.slice(1);if(p.length<2)throw new m(`profile merge needs at least two profile files

${n}`);let h=[];for(let l of p)h.push(await U(d(t,l),l));s=h.reduce((l,N,E)=>k(l,N,p[E+1]))}else{if(e.length>1)throw new m(`expected one data file, got ${e.length}

${n}`);s=await x(d(t,o),{threads:S(r.threads,"--threads",1),workerUrl:new URL("../profile-worker.js",import.meta.url),read:{format:r.format,delimiter:r.delimiter}})}r.out&&await v(t,r.out,y(s,{pretty:!0}),{what:"the profile",asTyped:!0});let u=j(s);return r.json?b(t,u):I(t,u),0}};async function U(a,t){let r;try{r=await T(a,"utf8")}catch(o){throw new f({file:t},g(o))}let e;try{e=JSON.parse(r)}catch(o){throw new f({file:t},`not JSON (${o.message}); expected a profile written by \`tollgate profile --out\``)}return P(e,t)}function k(a,t,r){try{return w(a,t)}catch(e){throw e instanceof RangeError||e instanceof TypeError?new f({file:r},`cannot merge: ${e.message}`):e}}function I(a,t){let r=t.columns.map(e=>[e.name,e.type,i(e.count),i(e.nulls),i(e.min),i(e.max),i(e.mean),i(e.std),`${e.distinct_exact?"":"~"}${i(e.distinct)}`,e.top?e.top.slice(0,3).map(o=>`${o.value} (${o.count})`).join(", "):""]);a.stdout.write(`${t.rows.toLocaleString("en-US")} rows

${c(["column","type","count","nulls","min","max","mean","std","distinct","top"],r,32)}
`)}export{L as profileCommand};
