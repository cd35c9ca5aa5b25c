import { runAction } from '../../lib/run-action.js';
import { registerAction } from './main.js';

await runAction(() => registerAction());
