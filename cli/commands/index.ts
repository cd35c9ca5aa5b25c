// Composes the command list; each command lives in its own file.
import type { Command } from '../command.js';
import { headCommand } from './head.js';
import { profileCommand } from './profile.js';
import { contractCommand } from './contract.js';
import { validateCommand } from './validate.js';
import { trainCommand } from './train.js';
import { evaluateCommand } from './evaluate.js';
import { registryCommand } from './registry.js';
import { driftCommand } from './drift.js';
import { monitorCommand } from './monitor.js';
import { shadowCommand } from './shadow.js';
import { canaryCommand } from './canary.js';

export const commands: Command[] = [validateCommand, contractCommand, profileCommand, headCommand, trainCommand, evaluateCommand, registryCommand, driftCommand, monitorCommand, shadowCommand, canaryCommand];
