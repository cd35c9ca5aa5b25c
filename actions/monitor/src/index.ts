import { runAction } from '../../lib/run-action.js';
import { monitorAction } from './main.js';

await runAction(() => monitorAction());
