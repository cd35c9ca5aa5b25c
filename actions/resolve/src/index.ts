import { runAction } from '../../lib/run-action.js';
import { resolveAction } from './main.js';

await runAction(() => resolveAction());
