import{a as g,b as p,f as c,g as u,h,i as w,k as v,l as E,n as I,p as y}from"./chunk-4BO5KTKB.js";import"./chunk-5ELWCL4M.js";import"./chunk-ZQAWQXMM.js";import"./chunk-EIEGSTNN.js";import"./chunk-D6N5ANAE.js";import"./chunk-NJOGL5TB.js";import{a as l}from"./chunk-WYMSQKYT.js";import{z as d}from"./chunk-5LM4LDHD.js";import"./chunk-KB74JXU2.js";import"./chunk-6VPMFVRZ.js";import"./chunk-YFDNSRJA.js";import"./chunk-PMCMLVYK.js";import{g as m,k as o}from"./chunk-7VBCIGOH.js";import"./chunk-3YAETCKK.js";import"./chunk-4R6HBYWN.js";import"./chunk-FYGFSPRH.js";import"./chunk-DOM7BDGJ.js";import{e as i}from"./chunk-5RNU7IOU.js";import{join as T}from"node:path";var a=`Usage: tollgate monitor --logs FILE [--labels FILE]
         [--model NAME [--stage STAGE] [--repo DIR] [--assets DIR] | --reference profile.json [--evaluation evaluation.json]]
         [--since 24h|TIME] [--until TIME] [--after-report FILE] [--version V]
         [--format csv|jsonl|parquet|arrow] [--config FILE] [--fail-on alert|warn|never] [--json] [--out FILE]

Watches a released model through its prediction log: feature and prediction
drift (against the profile stored with the version), confidence collapse,
performance once delayed labels arrive (against its evaluation.json), latency
and error rate against objectives, and request volume. Writes one report in
the drift report's format plus its signals (tollgate.monitor/v1).

Options:
  --logs FILE          the prediction log (CSV, TSV, JSON lines, Parquet, Arrow; one row per request)
  --labels FILE        delayed labels: request id and label, joined on the id
  --model NAME         resolve the reference through the registry: the version of NAME in --stage
  --stage STAGE        a stage, champion or latest (default champion)
  --repo DIR           the git repository holding the registry tags (default: here)
  --assets DIR         the version's release assets already downloaded (profile.json, evaluation.json);
                       without it they are fetched from GitHub (GITHUB_TOKEN and GITHUB_REPOSITORY)
  --reference FILE     the baseline profile to compare with (instead of the registry's)
  --evaluation FILE    the evaluation report whose metrics are the performance reference
  --since 24h|TIME     only requests from this long before --until (or now), or from an ISO time
  --until TIME         the window's end (ISO 8601; default now)
  --after-report FILE  only requests after the last one a previous monitor report checked
  --version V          monitor only this model version's requests (default: the registry's version)
  --format FORMAT      the log's format when its name does not say (e.g. predictions.log): csv, jsonl, parquet, arrow
  --config FILE        configuration (default: ${l} when it exists): monitor:, drift:, evaluation:
  --fail-on LEVEL      alert (default: monitor.fail_on), warn or never
  --json               print the report as one JSON document
  --out FILE           write the report (monitor-report.json) to FILE

Exit codes: 0 healthy, 1 a signal at the --fail-on level, 2 usage or input error.`,L={logs:{type:"string"},...w,repo:{type:"string"},assets:{type:"string"},reference:{type:"string"},evaluation:{type:"string"},"after-report":{type:"string"},version:{type:"string"},"fail-on":{type:"string"}};async function O(r,e,t){if(e.model!==void 0){let n=o(r,e.repo??".");return h({model:e.model,stage:e.stage,backend:"auto",cwd:n,token:r.env.GITHUB_TOKEN??r.env.GH_TOKEN,repository:r.env.GITHUB_REPOSITORY,apiUrl:r.env.GITHUB_API_URL,configFile:t!==void 0?o(r,t):T(n,l),assetsDir:e.assets===void 0?void 0:o(r,e.assets),files:{profile:e.reference&&o(r,e.reference),evaluation:e.evaluation&&o(r,e.evaluation)}})}for(let n of["stage","repo","assets"])if(e[n]!==void 0)throw new i(`--${n} needs --model

${a}`);return e.reference===void 0&&e.evaluation===void 0?c:u({profile:e.reference&&o(r,e.reference),evaluation:e.evaluation&&o(r,e.evaluation)})}function R(r,e){if(r===void 0)return e;if(r!=="warn"&&r!=="alert"&&r!=="never")throw new i(`--fail-on must be alert, warn or never; got '${r}'`);return r}var M={name:"monitor",usage:a,async run(r,e){let{values:t}=m(r,L,a,!1);if(t.logs===void 0)throw new i(`missing --logs FILE

${a}`);let n=await v(e,t.config,t.repo===void 0?e.cwd:o(e,t.repo)),F=R(t["fail-on"],n.monitor.fail_on),s=await O(e,t,t.config),f=await g({logs:o(e,t.logs),labels:t.labels===void 0?void 0:o(e,t.labels),settings:n.monitor,drift:n.drift,task:n.evaluation.task,threshold:n.evaluation.threshold,window:await E(e,t),version:t.version,format:I(t.format),model:s.version?.model??t.model,stage:s.version?.stage??t.stage},s);return await y(e,t,f,d),p(f.level,F)?1:0}};export{M as monitorCommand};
