import { runAction } from '../../lib/run-action.js';
import { evaluateAction } from './main.js';

await runAction(() => evaluateAction());
