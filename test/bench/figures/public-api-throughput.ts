import { join } from 'node:path';
import { PUBLIC_PATHS } from '../../../shared/api';
import { addDays, todayIn } from '../../../shared/domain';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { expectOnly, load, type LoadRun } from '../load';
import { UNCHECKED_CLIENTS_PATH } from '../server/bench-server-options';
import { startServerProcess } from '../server/server-process';
import { fiftyEntryWhitelist, insertTokens, prepareDatabase } from '../server/seed';
import { median, round } from '../stats';

const RATIO: FigureSpec = { id: '1a', label: 'Token check overhead: valid token ÷ same route without check', unit: '%', goal: { op: '>=', target: 85 } };
const VALID: FigureSpec = { id: '1b', label: 'GET /api/public/clients, valid token, 50-entry whitelist', unit: 'req/s', goal: null };
const UNCHECKED: FigureSpec = { id: '1c', label: 'Same payload, no check (route added by the bench)', unit: 'req/s', goal: null };
const FORGED_RATIO: FigureSpec = { id: '2a', label: 'Forged token (bad checksum) ÷ valid token throughput', unit: '%', goal: { op: '>=', target: 100 } };
const REFUSED_RATIO: FigureSpec = { id: '2b', label: 'Refused address (whitelist) ÷ valid token throughput', unit: '%', goal: { op: '>=', target: 100 } };
const FORGED: FigureSpec = { id: '2c', label: 'Forged token → 401', unit: 'req/s', goal: null };
const REFUSED: FigureSpec = { id: '2d', label: 'Refused address → 403', unit: 'req/s', goal: null };

// Short runs, rotated within each round: the two sides of a ratio run seconds apart, so a busy
// neighbour on the machine weighs on both alike.
const SECONDS = 1.5;
const ROUNDS = 7;
const CONNECTIONS = 10;
// The per-address denial limiter would answer 429 after 20 refusals a minute; raised on this
// instance so the forged and refused figures measure the 401/403 path itself.
const NO_DENIAL_LIMIT = { maxDenials: 1_000_000_000, windowMs: 60_000 };

type Variant = 'valid' | 'unchecked' | 'forged' | 'refused';

// A different last character keeps the shape (prefix, length, alphabet) but breaks the checksum.
const forge = (secret: string): string => secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');

export const publicApiThroughput: BenchModule = {
  name: 'public API throughput (figures 1 and 2)',
  specs: [RATIO, VALID, UNCHECKED, FORGED_RATIO, REFUSED_RATIO, FORGED, REFUSED],
  async run({ workDir, log }) {
    const dbPath = join(workDir, 'throughput.db');
    await prepareDatabase(dbPath);
    const expiresOn = addDays(todayIn('Europe/Paris', new Date()), 180);
    const [valid, refused] = await insertTokens(dbPath, [
      { name: 'Bench allowed', role: 'Read-only Clients', whitelist: fiftyEntryWhitelist(true), expiresOn },
      { name: 'Bench refused', role: 'Read-only Clients', whitelist: fiftyEntryWhitelist(false), expiresOn },
    ]);
    if (!valid || !refused) throw new Error('Bench tokens were not created.');

    const server = await startServerProcess({ dbPath, uncheckedRoute: true, denialLimit: NO_DENIAL_LIMIT });
    try {
      const clients = PUBLIC_PATHS.resource('clients');
      const targets: Record<Variant, { path: string; headers: Record<string, string>; status: number }> = {
        valid: { path: clients, headers: { authorization: valid.secret }, status: 200 },
        unchecked: { path: UNCHECKED_CLIENTS_PATH, headers: {}, status: 200 },
        forged: { path: clients, headers: { authorization: forge(valid.secret) }, status: 401 },
        refused: { path: clients, headers: { authorization: refused.secret }, status: 403 },
      };
      // Same payload on both 200 routes, or the comparison means nothing.
      const [checkedBody, uncheckedBody] = await Promise.all(
        (['valid', 'unchecked'] as const).map(async (variant) => {
          const reply = await fetch(`${server.url}${targets[variant].path}`, { headers: targets[variant].headers });
          if (reply.status !== 200) throw new Error(`${variant}: HTTP ${reply.status}`);
          return reply.text();
        }),
      );
      if (checkedBody !== uncheckedBody) throw new Error('The unchecked route does not answer the same payload.');

      const variants: Variant[] = ['valid', 'unchecked', 'forged', 'refused'];
      type Measured = LoadRun & { cpuMicrosPerRequest: number };
      const runVariant = async (variant: Variant, seconds: number): Promise<Measured> => {
        const target = targets[variant];
        const cpuBefore = server.cpuMs();
        const run = await load({ url: server.url, path: target.path, headers: target.headers, seconds, connections: CONNECTIONS });
        const cpuMicrosPerRequest = ((server.cpuMs() - cpuBefore) * 1000) / run.total;
        expectOnly(run, target.status, variant);
        return { ...run, cpuMicrosPerRequest };
      };
      log('  warm-up');
      for (const variant of variants) await runVariant(variant, 2);
      const rounds: Record<Variant, Measured>[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        // Rotated so no variant always runs first (or right after the heaviest one).
        const order = variants.map((_, i) => variants[(i + r) % variants.length] as Variant);
        const round = {} as Record<Variant, Measured>;
        for (const variant of order) round[variant] = await runVariant(variant, SECONDS);
        rounds.push(round);
        log(`  round ${r + 1}/${ROUNDS}: ${variants.map((v) => `${v} ${Math.round(round[v].requestsPerSecond)}`).join(', ')} req/s`);
      }
      const rps = (variant: Variant): number => median(rounds.map((round) => round[variant].requestsPerSecond));
      const p99 = (variant: Variant): number => median(rounds.map((round) => round[variant].latencyP99Ms));
      const ratio = (a: Variant, b: Variant): number => round(100 * median(rounds.map((x) => x[a].requestsPerSecond / x[b].requestsPerSecond)), 1);
      const how = `median of ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections, ratio per round`;
      // Server CPU per answer does not depend on what else the machine runs, unlike req/s.
      const cpu = (variant: Variant): number => median(rounds.map((x) => x[variant].cpuMicrosPerRequest));
      const cpuRatio = (a: Variant, b: Variant): string => `server CPU per answer ${Math.round(cpu(a))} µs vs ${Math.round(cpu(b))} µs (${round((100 * cpu(b)) / cpu(a), 1)} %)`;
      const limiter = 'denial limiter raised for this instance (default: 429 after 20 refusals/min/address)';
      return [
        measured(RATIO, ratio('valid', 'unchecked'), `${how}; ${cpuRatio('valid', 'unchecked')}`),
        measured(VALID, Math.round(rps('valid')), `p99 latency ${p99('valid')} ms`),
        measured(UNCHECKED, Math.round(rps('unchecked')), `p99 latency ${p99('unchecked')} ms`),
        measured(FORGED_RATIO, ratio('forged', 'valid'), `${how}; ${cpuRatio('forged', 'valid')}; ${limiter}`),
        measured(REFUSED_RATIO, ratio('refused', 'valid'), `${how}; ${cpuRatio('refused', 'valid')}; ${limiter}`),
        measured(FORGED, Math.round(rps('forged')), `p99 latency ${p99('forged')} ms; each writes an audit row`),
        measured(REFUSED, Math.round(rps('refused')), `p99 latency ${p99('refused')} ms; each writes an audit row`),
      ];
    } finally {
      await server.stop();
    }
  },
};
