import { statSync } from 'node:fs';
import { join } from 'node:path';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { generateTokens, INVENTORY_TIME_ZONE, laterInventory, MODULE_ITEMS, ROLE_ITEMS } from '../inventory-data';
import { median, round } from '../stats';

const OPEN: FigureSpec = { id: '5a', label: 'Inventory: open a 100,000-token snapshot (read, parse, digest, validate)', unit: 'ms', goal: { op: '<=', target: 1000 } };
const DIFF: FigureSpec = { id: '5b', label: 'Inventory: diff two 50,000-token snapshots, 5% changed', unit: 'ms', goal: { op: '<=', target: 300 } };
const CSV: FigureSpec = { id: '5c', label: 'Inventory: CSV export of 100,000 tokens (to a file)', unit: 'ms', goal: { op: '<=', target: 2000 } };

const RUNS = 3;

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

// Main's InventoryService and the shared inventory code, exactly as the console calls them.
export const inventory: BenchModule = {
  name: 'inventory snapshots (figure 5)',
  specs: [OPEN, DIFF, CSV],
  async run({ workDir, log }) {
    // Loaded here so an inventory module that does not load fails these figures only.
    const { InventoryService } = await import('../../../main/inventory/inventory-service');
    const { buildSnapshot } = await import('../../../shared/inventory/snapshot');
    const { nodeSha256Hex } = await import('../../../main/inventory/sha256');

    const service = new InventoryService({ userDataDir: join(workDir, 'user-data') });
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
    const openTimes = await timed(RUNS, () => service.open(jsonPath), (opened) => {
      if (opened.tokens.length !== 100_000) throw new Error('The opened snapshot lost tokens.');
    });

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
      measured(OPEN, round(median(openTimes), 1), `median of ${RUNS} after a warm-up; ${mb(jsonPath)} file; InventoryService.open`),
      measured(DIFF, round(median(diffTimes), 1), `median of ${RUNS + 2} after a warm-up; ${diff?.changed.length} changed, ${diff?.added.length} added, ${diff?.removed.length} removed; InventoryService.compare`),
      measured(CSV, round(median(csvTimes), 1), `median of ${RUNS} after a warm-up; ${mb(csvPath)} file; InventoryService.export('csv'), atomic write`),
    ];
  },
};
