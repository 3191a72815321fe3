import type { FastifyRequest } from 'fastify';
import { join } from 'node:path';
import { addDays, todayIn, type NeededRight } from '../../../shared/domain';
import { AuditLog } from '../../../server/src/audit/audit-log';
import { openStore } from '../../../server/src/db/open-store';
import { AccessGuard } from '../../../server/src/public/access-guard';
import { MemoryDenialLimiter, DEFAULT_DENIAL_LIMIT } from '../../../server/src/public/denial-limiter';
import { UsageRecorder } from '../../../server/src/public/usage-recorder';
import { AccessCache } from '../../../server/src/tokens/access-cache';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { fiftyEntryWhitelist, insertTokens, prepareDatabase } from '../server/seed';
import { median, percentile, round } from '../stats';

const P99: FigureSpec = { id: '1d', label: 'Token check alone, p99 (in process, AccessGuard.check)', unit: 'ms', goal: { op: '<=', target: 0.2 } };

const WARM_UP = 20_000;
const SAMPLES = 100_000;
const RUNS = 3;
const TIME_ZONE = 'Europe/Paris';
const NEEDED: NeededRight = { module: 'clients', right: 'view_own' };

// The server's own guard, built over its own repositories and cache as buildServer wires them,
// called with what the public routes' onRequest hook passes it.
export const checkLatency: BenchModule = {
  name: 'token check latency (figure 1, in process)',
  specs: [P99],
  async run({ workDir }) {
    const dbPath = join(workDir, 'check.db');
    await prepareDatabase(dbPath);
    const expiresOn = addDays(todayIn(TIME_ZONE, new Date()), 180);
    const [token] = await insertTokens(dbPath, [{ name: 'Bench check', role: 'Read-only Clients', whitelist: fiftyEntryWhitelist(true), expiresOn }]);
    if (!token) throw new Error('No bench token.');
    const store = await openStore(dbPath);
    try {
      const { tokens, roles, audit } = store.repos;
      const clock = () => new Date();
      const guard = new AccessGuard(
        new AccessCache(tokens, roles, TIME_ZONE),
        new MemoryDenialLimiter(clock, DEFAULT_DENIAL_LIMIT),
        new UsageRecorder(tokens),
        new AuditLog(audit),
        { clock, timeZone: TIME_ZONE },
      );
      const request = { clientAddress: '127.0.0.1', headers: { authorization: token.secret } } as unknown as FastifyRequest;
      for (let i = 0; i < WARM_UP; i++) await guard.check(request, NEEDED);
      const p99s: number[] = [];
      const p50s: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const samples = new Float64Array(SAMPLES);
        for (let i = 0; i < SAMPLES; i++) {
          const start = process.hrtime.bigint();
          await guard.check(request, NEEDED);
          samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
        }
        const list = Array.from(samples);
        p99s.push(percentile(list, 99));
        p50s.push(percentile(list, 50));
      }
      return [
        measured(P99, round(median(p99s), 4), `median of ${RUNS} runs × ${SAMPLES.toLocaleString('en-GB')} calls after ${WARM_UP.toLocaleString('en-GB')} warm-up; p50 ${round(median(p50s) * 1000, 1)} µs; token cached as in steady state`),
      ];
    } finally {
      await store.close();
    }
  },
};
