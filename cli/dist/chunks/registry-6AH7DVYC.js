import{a as f,b as $,c as k,p as v}from"./chunk-ZQAWQXMM.js";import"./chunk-EIEGSTNN.js";import"./chunk-D6N5ANAE.js";import"./chunk-NJOGL5TB.js";import{a as h}from"./chunk-WYMSQKYT.js";import{y}from"./chunk-5LM4LDHD.js";import"./chunk-KB74JXU2.js";import{j as u}from"./chunk-6VPMFVRZ.js";import"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as b,h as p}from"./chunk-7VBCIGOH.js";import"./chunk-3YAETCKK.js";import"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import{c as w,e as a}from"./chunk-5RNU7IOU.js";import{join as R,resolve as l}from"node:path";var m=`Usage: tollgate registry <subcommand> [arguments] [--repo DIR] [--json]

The model registry: GTO-compatible git tags in the repository at --repo (default: here).

  show [model]                          models, versions and who holds each stage
  history <model>                       every event of a model, oldest first
  register <model> (--version vX.Y.Z | --bump major|minor|patch) [--ref REV] [--metrics FILE]
                                        tag a commit (default HEAD) as a new version
  assign <model> <stage> [--version vX.Y.Z] [--force [--reason TEXT]]
                                        put a version (default: latest) in a stage
  unassign <model> <stage> [--version vX.Y.Z]
                                        take a version (default: the holder) out of a stage
  deregister <model> --version vX.Y.Z   withdraw a version
  deprecate <model>                     retire a model
  rollback <model> <stage> [--to vX.Y.Z]
                                        give the stage back to its previous holder (a new tag)
  check-ref <tag>                       what a registry tag records

Options:
  --repo DIR       the git repository (default: the current directory)
  --config FILE    stage policy; must exist (default: <repo>/${h}, when present)
  --push           push each new tag to --remote (default origin), after fetching its tags
  --remote NAME    the remote for --push
  --json           print the resulting state or event as JSON

Exit codes: 0 done, 1 blocked by policy or lost a race, 2 usage or input error.`,j={repo:{type:"string"},config:{type:"string"},json:{type:"boolean"},push:{type:"boolean"},remote:{type:"string"},version:{type:"string"},bump:{type:"string"},ref:{type:"string"},metrics:{type:"string"},force:{type:"boolean"},reason:{type:"string"},to:{type:"string"}},C={show:[],history:[],register:["version","bump","ref","metrics","push","remote"],assign:["version","force","reason","push","remote"],unassign:["version","push","remote"],deregister:["version","push","remote"],deprecate:["push","remote"],rollback:["to","push","remote"],"check-ref":[]},S=new Set(["repo","config","json"]),V={name:"registry",usage:m,async run(r,n){let{values:t,positionals:e}=b(r,j,m),[o,...s]=e;if(o===void 0)throw new a(`missing the subcommand

${m}`);let d=C[o];if(!d)throw new a(`unknown subcommand '${o}'

${m}`);for(let g of Object.keys(t))if(!S.has(g)&&!d.includes(g))throw new a(`registry ${o} does not take --${g}

${m}`);if(t.remote!==void 0&&!t.push)throw new a("--remote needs --push");let i=await Z(t,n);switch(o){case"show":return x(i,s,t,n);case"history":return T(i,s,t,n);case"check-ref":{c(s,1,"check-ref <tag>");let g=await i.checkRef(s[0]);return t.json?p(n,g):n.stdout.write(`${g.text}
`),0}default:return I(i,o,s,t,n)}}};async function Z(r,n){let t=l(n.cwd,r.repo??"."),e=await v(r.config===void 0?R(t,h):l(n.cwd,r.config),{required:r.config!==void 0}),o=new $({cwd:t,pushTo:r.push?r.remote??"origin":void 0});return new k({backend:o,models:e})}function c(r,n,t){if(r.length<n)throw new a(`missing arguments: registry ${t}

${m}`);if(r.length>n)throw new a(`unexpected argument '${r[n]}': registry ${t}

${m}`)}async function x(r,n,t,e){if(n.length>1)throw new a(`unexpected argument '${n[1]}': registry show [model]

${m}`);let o;if(n[0]===void 0?o=await r.state():o=await r.modelState(n[0]),t.json)return p(e,o),0;e.stdout.write(n[0]===void 0?A(o):E(o.models[0]));for(let s of o.ignored)e.stderr.write(`warning: tag '${s.tag}' ignored: ${s.reason}
`);return 0}function A(r){if(r.models.length===0)return"No registry tags yet (register a version with `tollgate registry register`).\n";let n=[...new Set(r.models.flatMap(e=>Object.keys(e.stages)))],t=r.models.map(e=>[e.deprecated?`${e.name} (deprecated)`:e.name,e.latest??"\u2014",...n.map(o=>e.stages[o]??"\u2014")]);return`${u(["model","latest",...n.map(e=>`#${e}`)],t)}
`}function E(r){let n=r.versions.map(e=>[e.version,e.commit.slice(0,12),e.created.replace(".000Z","Z"),e.stages.join(", ")||"\u2014",e.deregistered?"deregistered":e.registered?e.author:"unregistered commit"]);return`${`${r.name}${r.deprecated?" (deprecated)":""} \xB7 latest ${r.latest??"\u2014"}`}
${u(["version","commit","registered","stages","by"],n,60)}
`}async function T(r,n,t,e){c(n,1,"history <model>");let o=r.modelName(n[0]),s=await r.history(o);if(t.json)return p(e,{model:o,events:s}),0;if(s.length===0)return e.stdout.write(`No registry tags for ${o}.
`),0;let d=s.map(i=>[i.created.replace(".000Z","Z"),i.tag,f(i),i.author]);return e.stdout.write(`${u(["time","tag","event","by"],d,90)}
`),0}async function I(r,n,t,e,o){let s;switch(n){case"register":{c(t,1,"register <model> (--version vX.Y.Z | --bump major|minor|patch)");let d=e.bump;if(d!==void 0&&!["major","minor","patch"].includes(d))throw new a(`--bump must be major, minor or patch; got '${d}'`);let i=e.metrics===void 0?void 0:await w(l(o.cwd,e.metrics));s=await r.register({model:t[0],version:e.version,bump:d,ref:e.ref,metadata:i===void 0?{}:{metricsDigest:y(i)}});break}case"assign":if(c(t,2,"assign <model> <stage>"),e.reason!==void 0&&!e.force)throw new a("--reason goes with --force");s=await r.assign({model:t[0],stage:t[1],version:e.version,force:e.force,reason:e.reason});break;case"unassign":c(t,2,"unassign <model> <stage>"),s=await r.unassign({model:t[0],stage:t[1],version:e.version});break;case"deregister":if(c(t,1,"deregister <model> --version vX.Y.Z"),e.version===void 0)throw new a(`missing --version vX.Y.Z

${m}`);s=await r.deregister({model:t[0],version:e.version});break;case"deprecate":c(t,1,"deprecate <model>"),s=await r.deprecate({model:t[0]});break;default:c(t,2,"rollback <model> <stage>"),s=await r.rollback({model:t[0],stage:t[1],to:e.to})}return e.json?p(o,s):o.stdout.write(`${M(s,e)}
`),0}function M(r,n){let t=r.event;if(!r.created)return`Already recorded by tag '${t.tag}': ${f(t)} (nothing written)`;let e=n.push?` and pushed to ${n.remote??"origin"}`:"",o=r.attempts>1?` after ${r.attempts-1} retr${r.attempts===2?"y":"ies"} (another writer was faster)`:"",s=n.push?"":`
Publish it with: git push origin 'refs/tags/${t.tag}'`;return`Created tag '${t.tag}'${e}${o}: ${f(t)}${s}`}export{V as registryCommand};
