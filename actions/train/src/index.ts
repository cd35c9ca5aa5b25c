// The `train` action's entry point; the work happens in main.ts.
import { runAction } from '../../lib/run-action.js';
import { runTrainAction } from './main.js';

await runAction(() => runTrainAction());
