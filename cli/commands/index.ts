// Composes the command list; each command lives in its own file.
import type { Command } from '../command.js';

export const commands: Command[] = [];
