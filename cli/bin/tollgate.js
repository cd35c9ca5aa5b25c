#!/usr/bin/env node
// The bundle is built by `npm run build` (scripts/build.mjs) and committed.
import { runProcess } from '../dist/tollgate.js';

await runProcess();
