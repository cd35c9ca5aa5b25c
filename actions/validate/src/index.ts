import { runAction } from '../../lib/run-action.js';
import { validateAction } from './validate-action.js';

await runAction(validateAction);
