// The worker thread of `tollgate profile --threads N` (bundled next to the CLI).
import { serveProfileWorker } from '../shared/profile/index.js';

serveProfileWorker();
