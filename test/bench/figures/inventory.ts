import { statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../e2e/support/paths';
import { ensureRendererBuild } from '../console/renderer-build';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { generateTokens, INVENTORY_TIME_ZONE, laterInventory, MODULE_ITEMS, ROLE_ITEMS } from '../inventory-data';
import { median, round } from '../stats';

const OPEN: FigureSpec = { id: '5a', label: 'Inventory: open a 100,000-token snapshot (read, parse, digest, validate)', unit: 'ms', goal: { op: '<=', target: 1000 } };
const OPEN_BLOCK: FigureSpec = { id: '5a2', label: 'Inventory: longest main-thread block while opening it (5a)', unit: 'ms', goal: { op: '<=', target: 50 } };
const OPEN_ON_MAIN: FigureSpec = { id: '5a3', label: 'Inventory: the same open on main\'s thread, no worker (context for 5a)', unit: 'ms', goal: null };
const DIFF: FigureSpec = { id: '5b', label: 'Inventory: diff two 50,000-token snapshots, 5% changed', unit: 'ms', goal: { op: '<=', target: 300 } };
const CSV: FigureSpec = { id: '5c', label: 'Inventory: CSV export of 100,000 tokens (to a file)', unit: 'ms', goal: { op: '<=', target: 2000 } };

const RUNS = 3;

const PROBE_MS = 2;

type Step = 'reading' | 'checking';
type Blocks = Record<Step, number>;

/*
 * The longest stretch main's event loop went without running a timer due every PROBE_MS,
 * during `open`, per step of it: what a click or an IPC message would have waited at worst.
 * While the worker reads and parses the file, main only waits: its gaps then are the machine's
 * noise. While the worker checks, main takes the checked tokens.
 */
async function longestBlocks(open: (onProgress: (progress: { step: Step }) => void) => Promise<unknown>): Promise<Blocks> {
  const blocks: Blocks = { reading: 0, checking: 0 };
  let step: Step = 'reading';
  let last = performance.now();
  const tick = (): void => {
    const now = performance.now();
    blocks[step] = Math.max(blocks[step], now - last);
    last = now;
  };
  const probe = setInterval(tick, PROBE_MS);
  try {
    await open((progress) => {
      tick();
      step = progress.step;
    });
  } finally {
    clearInterval(probe);
  }
  tick();
  return blocks;
}

// The first call is the warm-up; `check` looks at its result so a wrong answer is not timed.
async function timed<T>(runs: number, action: () => Promise<T> | T, check: (result: T) => void = () => undefined): Promise<number[]> {
  check(await action());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await action();
    times.push(performance.now() - start);
  }
  return times;
}

const mb = (path: string): string => `${(statSync(path).size / 1024 / 1024).toFixed(1)} MB`;

// Main's InventoryService and the shared inventory code, exactly as the console calls them;
// files are opened by the built worker (out/main/snapshot-worker.js), as the console opens them.
export const inventory: BenchModule = {
  name: 'inventory snapshots (figure 5)',
  specs: [OPEN, OPEN_BLOCK, OPEN_ON_MAIN, DIFF, CSV],
  async run({ workDir, log }) {
    // Loaded here so an inventory module that does not load fails these figures only.
    const { InventoryService } = await import('../../../main/inventory/inventory-service');
    const { buildSnapshot } = await import('../../../shared/inventory/snapshot');
    const { nodeSha256Hex } = await import('../../../main/inventory/sha256');
    const { workerSnapshotReader } = await import('../../../main/inventory/snapshot-worker-reader');

    log('  checking out/ (npm run build)');
    await ensureRendererBuild();
    const reader = workerSnapshotReader(join(REPO_ROOT, 'out/main/snapshot-worker.js'));
    const service = new InventoryService({ userDataDir: join(workDir, 'user-data'), reader });
    const seal = (tokens: ReturnType<typeof generateTokens>) =>
      buildSnapshot(
        {
          baseUrl: 'https://wifox.example.com',
          takenAt: new Date().toISOString(),
          takenBy: { id: 1, name: 'Ada Admin', email: 'ada@example.com' },
          timeZone: INVENTORY_TIME_ZONE,
          modules: MODULE_ITEMS,
          roles: ROLE_ITEMS,
          tokens,
        },
        nodeSha256Hex,
      );

    log('  generating 100,000 tokens');
    const big = await seal(generateTokens(100_000));
    const jsonPath = join(workDir, 'inventory-100k.json');
    await service.export('json', jsonPath, big);
    let steps = 0;
    const openTimes = await timed(RUNS, () => service.open(jsonPath, () => steps++), (opened) => {
      if (opened.tokens.length !== 100_000) throw new Error('The opened snapshot lost tokens.');
    });
    const blocks: Blocks[] = [];
    for (let i = 0; i < RUNS; i++) blocks.push(await longestBlocks((onProgress) => service.open(jsonPath, onProgress)));
    const worst = (steps: readonly Step[]): number => round(Math.max(...blocks.flatMap((run) => steps.map((name) => run[name]))), 1);
    // The same one-pass check, without the worker: what the worker costs or saves in all.
    const onMain = new InventoryService({ userDataDir: join(workDir, 'user-data-main') });
    const onMainTimes = await timed(RUNS - 1, () => onMain.open(jsonPath));

    const csvPath = join(workDir, 'inventory-100k.csv');
    const csvTimes = await timed(RUNS, () => service.export('csv', csvPath, big));

    const earlierTokens = generateTokens(50_000, 17);
    const before = await seal(earlierTokens);
    const after = await seal(laterInventory(earlierTokens, 0.05));
    let diff: ReturnType<typeof service.compare> | undefined;
    const diffTimes = await timed(RUNS + 2, () => service.compare(before, after), (result) => {
      diff = result;
      if (result.changed.length + result.added.length + result.removed.length !== 2_500) throw new Error('The diff missed changes.');
    });

    return [
      measured(OPEN, round(median(openTimes), 1), `median of ${RUNS} after a warm-up; ${mb(jsonPath)} file; InventoryService.open on the built worker, ${round(steps / (RUNS + 1), 0)} progress reports per open`),
      measured(
        OPEN_BLOCK,
        worst(['reading', 'checking']),
        `worst of ${RUNS} opens; longest gap between ticks of a ${PROBE_MS} ms timer on main: ${worst(['checking'])} ms while it takes the checked tokens, ${worst(['reading'])} ms while it only waits for the worker to parse (the machine's noise)`,
      ),
      measured(OPEN_ON_MAIN, round(median(onMainTimes), 1), `median of ${RUNS - 1} after a warm-up; InventoryService.open with its default reader, main's event loop blocked throughout`),
      measured(DIFF, round(median(diffTimes), 1), `median of ${RUNS + 2} after a warm-up; ${diff?.changed.length} changed, ${diff?.added.length} added, ${diff?.removed.length} removed; InventoryService.compare`),
      measured(CSV, round(median(csvTimes), 1), `median of ${RUNS} after a warm-up; ${mb(csvPath)} file; InventoryService.export('csv'), atomic write`),
    ];
  },
};
