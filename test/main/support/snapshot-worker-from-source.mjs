// The snapshot worker's entry run from its TypeScript source, for tests in plain Node: worker
// threads do not inherit tsx's `--import` hooks, so the worker loads its entry through tsx itself.
import { require as tsxRequire } from 'tsx/cjs/api';

tsxRequire('../../../main/inventory/snapshot-worker.ts', import.meta.url);
