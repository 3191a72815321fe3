import { join } from 'node:path';
import { PUBLIC_PATHS } from '../../../shared/api';
import { addDays, todayIn } from '../../../shared/domain';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { load } from '../load';
import { startServerProcess } from '../server/server-process';
import { bulkTokenSpecs, fiftyEntryWhitelist, insertTokens, prepareDatabase } from '../server/seed';
import { round, sleep } from '../stats';

const ERRORS: FigureSpec = { id: '8a', label: 'Server under load, 30 s × 200 connections: answers other than 200/403, and socket errors', unit: 'count', goal: { op: '<=', target: 0 } };
const RSS: FigureSpec = { id: '8b', label: 'Server under load: RSS growth (peak during the run − start of the run)', unit: 'MB', goal: { op: '<=', target: 50 } };
const RATE: FigureSpec = { id: '8c', label: 'Server under load: requests answered', unit: 'req/s', goal: null };

const SECONDS = 30;
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 200;
const NO_DENIAL_LIMIT = { maxDenials: 1_000_000_000, windowMs: 60_000 };

export const serverLoad: BenchModule = {
  name: 'server under load (figure 8)',
  specs: [ERRORS, RSS, RATE],
  async run({ workDir, log }) {
    const dbPath = join(workDir, 'load.db');
    await prepareDatabase(dbPath);
    // A realistic table behind the cache: 1,000 other tokens besides the two that call.
    await insertTokens(dbPath, bulkTokenSpecs(1_000));
    const expiresOn = addDays(todayIn('Europe/Paris', new Date()), 180);
    const [allowed, refused] = await insertTokens(dbPath, [
      { name: 'Load allowed', role: 'Read-only Clients', whitelist: fiftyEntryWhitelist(true), expiresOn },
      { name: 'Load refused', role: 'Read-only Clients', whitelist: fiftyEntryWhitelist(false), expiresOn },
    ]);
    if (!allowed || !refused) throw new Error('Bench tokens were not created.');

    const server = await startServerProcess({ dbPath, denialLimit: NO_DENIAL_LIMIT });
    try {
      const clients = PUBLIC_PATHS.resource('clients');
      // Each connection cycles allowed, allowed, refused: a third of the requests are refused.
      const requests = [
        { path: clients, headers: { authorization: allowed.secret } },
        { path: clients, headers: { authorization: allowed.secret } },
        { path: clients, headers: { authorization: refused.secret } },
      ];
      await load({ url: server.url, path: clients, requests, seconds: WARM_UP_SECONDS, connections: CONNECTIONS });
      await sleep(500);
      const startRss = server.rss();
      let peakRss = startRss;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, server.rss());
      }, 250);
      const run = await load({ url: server.url, path: clients, requests, seconds: SECONDS, connections: CONNECTIONS }).finally(() => clearInterval(sampler));
      const endRss = server.rss();
      peakRss = Math.max(peakRss, endRss);
      const unexpected = Object.entries(run.statusCounts).filter(([code]) => code !== '200' && code !== '403');
      const errors = unexpected.reduce((sum, [, count]) => sum + count, 0) + run.transportErrors;
      const counts = Object.entries(run.statusCounts).map(([code, count]) => `${code}: ${count}`).join(', ');
      const mb = (bytes: number): number => round(bytes / 1024 / 1024, 1);
      log(`  ${counts}; RSS ${mb(startRss)} → peak ${mb(peakRss)}, end ${mb(endRss)} MB`);
      return [
        measured(ERRORS, errors, `${counts}; ${run.transportErrors} socket errors/timeouts ${JSON.stringify(run.errorKinds)}; denial limiter raised for this instance (default: 429 after 20 refusals/min/address)`),
        measured(RSS, mb(peakRss - startRss), `VmRSS of the server process: ${mb(startRss)} MB after a ${WARM_UP_SECONDS} s warm-up, peak ${mb(peakRss)}, end ${mb(endRss)} MB`),
        measured(RATE, Math.round(run.requestsPerSecond), `p99 latency ${run.latencyP99Ms} ms; every refusal writes an audit row`),
      ];
    } finally {
      await server.stop();
    }
  },
};
