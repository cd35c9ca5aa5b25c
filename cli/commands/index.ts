// Composes the command list. Each command lives in its own file and is loaded
// only when it runs, so `tollgate --help` and every command start without
// loading the others' dependencies (apache-arrow, octokit, ...).
import type { Command } from '../command.js';

/** A command as the overview lists it, before its code is loaded. */
export interface CommandEntry {
  name: string;
  /** One line for `tollgate --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: 'validate', summary: 'check a data file against a data contract', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'contract', summary: 'write a starting data contract from data (contract infer)', load: async () => (await import('./contract.js')).contractCommand },
  { name: 'profile', summary: 'profile a data file, or merge profiles of shards', load: async () => (await import('./profile.js')).profileCommand },
  { name: 'head', summary: 'show the first rows of a data file', load: async () => (await import('./head.js')).headCommand },
  { name: 'train', summary: 'run a training command with lineage and a content-addressed cache', load: async () => (await import('./train.js')).trainCommand },
  { name: 'evaluate', summary: 'compare a challenger with the champion: promote or reject', load: async () => (await import('./evaluate.js')).evaluateCommand },
  { name: 'registry', summary: 'show and change the model registry (GTO-compatible git tags)', load: async () => (await import('./registry.js')).registryCommand },
  { name: 'drift', summary: 'check current data for drift against a reference (data or baseline profile)', load: async () => (await import('./drift.js')).driftCommand },
  { name: 'monitor', summary: 'watch a released model: drift, confidence, delayed-label performance, latency, volume', load: async () => (await import('./monitor.js')).monitorCommand },
  { name: 'shadow', summary: 'compare a shadow model with the live one on the same requests (live evidence)', load: async () => (await import('./shadow.js')).shadowCommand },
  { name: 'canary', summary: 'judge a canary against the control in one log: promote, hold or rollback', load: async () => (await import('./canary.js')).canaryCommand },
];
