import { join } from 'node:path';
import { openStore } from '../../../server/src/db/open-store';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { BENCH_ADMIN, bulkTokenSpecs, insertTokens, prepareDatabase } from '../server/seed';
import { startServerProcess } from '../server/server-process';
import { median, percentile, round } from '../stats';

const PAGE: FigureSpec = { id: '10a', label: 'Server: one page of 1,000 from 100,000 tokens (HTTP, keyset cursor), p99', unit: 'ms', goal: { op: '<=', target: 20 } };
const DELTA: FigureSpec = { id: '10b', label: 'Server: changedSince answer, 100,000 tokens, 100 changed (HTTP)', unit: 'ms', goal: null };

const TOKENS = 100_000;
const CHANGED = 100;
const ORDERS = ['sort=name&order=asc', 'sort=expiresOn&order=desc'];
const DELTAS = 20;

type ListBody = { items: unknown[]; total: number | null; nextCursor: string | null; changeCursor: string };

// The reference server in its own process over a bulk-seeded SQLite file; every page of every
// order is fetched through its cursor, the way a client walks the whole inventory.
export const tokenListing: BenchModule = {
  name: 'token listing and sync (figure 10)',
  specs: [PAGE, DELTA],
  async run({ workDir, log }) {
    const dbPath = join(workDir, 'listing.db');
    await prepareDatabase(dbPath);
    await insertTokens(dbPath, bulkTokenSpecs(TOKENS));
    const server = await startServerProcess({ dbPath });
    try {
      const login = await fetch(`${server.url}/api/admin/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(BENCH_ADMIN),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const get = async (query: string): Promise<{ ms: number; body: ListBody }> => {
        const start = performance.now();
        const reply = await fetch(`${server.url}/api/admin/identification-tokens?${query}`, { headers: { authorization: `Bearer ${accessToken}` } });
        const body = (await reply.json()) as ListBody;
        const ms = performance.now() - start;
        if (!reply.ok) throw new Error(`listing answered ${reply.status}`);
        return { ms, body };
      };

      // Both orders walked whole through their cursors; the first page also counts the total,
      // so the cursor pages are the samples.
      const walk = async (): Promise<{ samples: number[]; since: string }> => {
        const samples: number[] = [];
        let since = '';
        for (const [index, order] of ORDERS.entries()) {
          let page = await get(`${order}&pageSize=1000`);
          if (index === 0) since = page.body.changeCursor;
          const total = page.body.total ?? 0;
          let count = page.body.items.length;
          while (page.body.nextCursor !== null) {
            page = await get(`${order}&pageSize=1000&cursor=${page.body.nextCursor}`);
            samples.push(page.ms);
            count += page.body.items.length;
          }
          if (count !== total || total < TOKENS) throw new Error(`${order} listed ${count} tokens, not ${total}.`);
        }
        return { samples, since };
      };
      // A server in service has run its listing code before: the figure is a walk after one
      // whole walk, whose pages include the process's first compilations (reported beside it).
      const cold = (await walk()).samples;
      log(`  cold walk, the server's first (ms): p50 ${round(median(cold), 2)}, p99 ${round(percentile(cold, 99), 2)}, max ${round(Math.max(...cold), 2)}`);
      // The server's own CPU time over the walk: on a shared machine it moves far less with
      // the load than the wall-clock pages do (10 ms steps, over the whole walk).
      const cpuBefore = server.cpuMs();
      const { samples, since } = await walk();
      const cpuPerPage = round((server.cpuMs() - cpuBefore) / (samples.length + ORDERS.length), 2);
      log(`  pages (ms): p50 ${round(median(samples), 2)}, p99 ${round(percentile(samples, 99), 2)}, max ${round(Math.max(...samples), 2)}; server CPU ${cpuPerPage} per page`);

      // 100 tokens change behind the client (a whitelist edit bumps their cursor like the API's).
      const store = await openStore(dbPath);
      try {
        await store.transaction(async ({ tokens }) => {
          for (let id = 1_000; id < 1_000 + CHANGED; id++) {
            const token = await tokens.findById(id);
            if (token) await tokens.update(id, token.version, { whitelist: ['203.0.113.9'] }, new Date());
          }
        });
      } finally {
        await store.close();
      }
      const deltas: number[] = [];
      for (let i = 0; i < DELTAS; i++) {
        const delta = await get(`changedSince=${since}&pageSize=1000`);
        if (delta.body.items.length !== CHANGED) throw new Error(`The delta listed ${delta.body.items.length} tokens, not ${CHANGED}.`);
        deltas.push(delta.ms);
      }
      return [
        measured(PAGE, round(percentile(samples, 99), 2), `${samples.length} cursor pages (2 orders, whole walk each) over loopback HTTP, server in its own process on SQLite, after one such walk (the server's first walk: p99 ${round(percentile(cold, 99), 2)} ms); p50 ${round(median(samples), 2)} ms; the server's CPU time ${cpuPerPage} ms per page`),
        measured(DELTA, round(median(deltas), 2), `median of ${DELTAS} changedSince requests answering ${CHANGED} tokens; the server part of figure 10c`),
      ];
    } finally {
      await server.stop();
    }
  },
};
