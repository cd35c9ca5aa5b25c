import { runAction } from '../../lib/run-action.js';
import { driftAction } from './drift-action.js';

await runAction(() => driftAction());
