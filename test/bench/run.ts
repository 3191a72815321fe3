// `npm run bench`: every figure of the benchmark issue, one module each, run one after the
// other (they would skew each other on 2 cores), then the table and test-results/bench.json.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notMeasured, type BenchContext, type BenchModule, type FigureResult } from './figure';
import { checkLatency } from './figures/check-latency';
import { bundle } from './figures/bundle';
import { consoleFigures } from './figures/console';
import { consoleBigList } from './figures/console-big';
import { inventory } from './figures/inventory';
import { postgresFigures } from './figures/postgres';
import { publicApiThroughput } from './figures/public-api-throughput';
import { serverLoad } from './figures/server-load';
import { tokenListing } from './figures/token-listing';
import { whitelistMatching } from './figures/whitelist-matching';
import { formatTable, writeReport } from './report';

const REPORT_PATH = fileURLToPath(new URL('../../test-results/bench.json', import.meta.url));

const MODULES: readonly BenchModule[] = [whitelistMatching, checkLatency, publicApiThroughput, serverLoad, tokenListing, postgresFigures, inventory, bundle, consoleFigures, consoleBigList];

const only = process.argv.slice(2);
const startedAt = new Date();
const loadAtStart = loadavg()[0] ?? 0;
const workDir = mkdtempSync(join(tmpdir(), 'wifox-bench-'));
const context: BenchContext = { workDir, log: (message) => console.log(message) };
const results: FigureResult[] = [];
try {
  for (const module of MODULES) {
    if (only.length > 0 && !module.specs.some((spec) => only.some((id) => spec.id.startsWith(id)))) continue;
    const started = performance.now();
    console.log(`» ${module.name}`);
    try {
      results.push(...(await module.run(context)));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`  failed: ${reason}`);
      results.push(...module.specs.map((spec) => notMeasured(spec, `the run failed: ${reason}`)));
    }
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
const durationSeconds = Math.round((Date.now() - startedAt.getTime()) / 100) / 10;
const loadAverage = { start: Math.round(loadAtStart * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
console.log(
  `\n${formatTable(results)}\n\nTotal ${durationSeconds} s on ${availableParallelism()} CPUs, load average ${loadAverage.start} at the start and ${loadAverage.end} at the end. Written to ${REPORT_PATH}.`,
);
writeReport(REPORT_PATH, {
  startedAt: startedAt.toISOString(),
  durationSeconds,
  machine: { cpus: availableParallelism(), node: process.version, platform: process.platform, loadAverage },
  figures: results,
});
