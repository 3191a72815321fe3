import { join } from 'node:path';
import { PUBLIC_PATHS } from '../../../shared/api';
import { createPgDatabase, startPgCluster } from '../../server/support/pg-cluster';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { expectOnly, load } from '../load';
import { startServerProcess, type ServerProcess } from '../server/server-process';
import { BENCH_ADMIN, insertTokens, prepareDatabase } from '../server/seed';
import { median, round } from '../stats';

const PG_RATIO: FigureSpec = { id: '9a', label: 'Token check on PostgreSQL ÷ on SQLite (GET verify, same machine)', unit: '%', goal: { op: '>=', target: 70 } };
const NODES_RATIO: FigureSpec = { id: '9b', label: '2 nodes ÷ 1 node on one PostgreSQL, tokens changing meanwhile', unit: '%', goal: { op: '>=', target: 90 } };
const WRONG: FigureSpec = { id: '9c', label: 'Wrong answers while tokens change (2 nodes)', unit: 'answers', goal: { op: '<=', target: 0 } };

const SECONDS = 1.5;
const ROUNDS = 5;
const CONNECTIONS = 10;
const TOKENS = '/api/admin/identification-tokens';
// The flipped token is refused from loopback half the time, and loopback is where the load
// comes from: the per-address refusal limit is raised so those refusals do not turn the
// measured load into 429s.
const NO_DENIAL_LIMIT = { maxDenials: 1_000_000_000, windowMs: 60_000 };

async function adminLogin(server: ServerProcess): Promise<Record<string, string>> {
  const reply = await fetch(`${server.url}/api/admin/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN),
  });
  if (reply.status !== 200) throw new Error(`bench login: HTTP ${reply.status}`);
  const body = (await reply.json()) as { accessToken: string };
  return { authorization: `Bearer ${body.accessToken}`, 'content-type': 'application/json' };
}

/**
 * Flips a token's whitelist between allowing and refusing loopback through node 0 and, after
 * each acknowledged edit, asks every node: each must answer as the edit says at once.
 */
function changer(nodes: ServerProcess[], auth: Record<string, string>, token: { id: number; secret: string }) {
  let running = true;
  let wrong = 0;
  let changes = 0;
  const done = (async () => {
    for (let allow = false; running; allow = !allow) {
      const edit = await fetch(`${nodes[0]?.url ?? ''}${TOKENS}/${token.id}`, {
        method: 'PATCH', headers: auth, body: JSON.stringify({ whitelist: [allow ? '127.0.0.1' : '192.0.2.1'] }),
      });
      if (edit.status !== 200) throw new Error(`bench edit: HTTP ${edit.status}`);
      changes++;
      for (const node of nodes) {
        const reply = await fetch(`${node.url}${PUBLIC_PATHS.verify}`, { headers: { authorization: token.secret } });
        if (reply.status !== (allow ? 200 : 403)) wrong++;
      }
    }
  })();
  return { stop: async () => { running = false; await done; return { wrong, changes }; } };
}

export const postgresFigures: BenchModule = {
  name: 'PostgreSQL store: token check against SQLite, 2 nodes against 1 (figure 9)',
  specs: [PG_RATIO, NODES_RATIO, WRONG],
  async run({ workDir, log }) {
    const cluster = await startPgCluster();
    const servers: ServerProcess[] = [];
    try {
      const sqlitePath = join(workDir, 'pg-compare.db');
      const pgUrl = await createPgDatabase(cluster.url('postgres'), 'bench');
      const secrets: Record<'sqlite' | 'pg', string> = { sqlite: '', pg: '' };
      let flipper = { id: 0, secret: '' };
      for (const [store, location] of [['sqlite', sqlitePath], ['pg', pgUrl]] as const) {
        await prepareDatabase(location);
        const [checked, flipped] = await insertTokens(location, [
          { name: 'Bench verify', role: 'Read-only Clients', whitelist: ['127.0.0.1'], expiresOn: null },
          { name: 'Bench flipper', role: 'Read-only Clients', whitelist: ['127.0.0.1'], expiresOn: null },
        ]);
        if (!checked || !flipped) throw new Error('Bench tokens were not created.');
        secrets[store] = checked.secret;
        if (store === 'pg') flipper = { id: flipped.id, secret: flipped.secret };
      }
      const sqlite = await startServerProcess({ dbPath: sqlitePath, denialLimit: NO_DENIAL_LIMIT });
      servers.push(sqlite);
      const pgNodes = [await startServerProcess({ dbPath: pgUrl, denialLimit: NO_DENIAL_LIMIT }), await startServerProcess({ dbPath: pgUrl, denialLimit: NO_DENIAL_LIMIT })];
      servers.push(...pgNodes);
      const [nodeA, nodeB] = pgNodes as [ServerProcess, ServerProcess];
      const verify = (server: ServerProcess, secret: string, connections = CONNECTIONS) =>
        load({ url: server.url, path: PUBLIC_PATHS.verify, headers: { authorization: secret }, seconds: SECONDS, connections });

      log('  warm-up');
      for (const [server, secret] of [[sqlite, secrets.sqlite], [nodeA, secrets.pg], [nodeB, secrets.pg]] as const) await verify(server, secret);

      const pgRatios: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const first = r % 2 === 0;
        const a = first ? await verify(sqlite, secrets.sqlite) : await verify(nodeA, secrets.pg);
        const b = first ? await verify(nodeA, secrets.pg) : await verify(sqlite, secrets.sqlite);
        const [lite, pg] = first ? [a, b] : [b, a];
        expectOnly(lite, 200, 'sqlite');
        expectOnly(pg, 200, 'postgres');
        pgRatios.push(pg.requestsPerSecond / lite.requestsPerSecond);
        log(`  round ${r + 1}/${ROUNDS}: sqlite ${Math.round(lite.requestsPerSecond)}, postgres ${Math.round(pg.requestsPerSecond)} req/s`);
      }

      const auth = await adminLogin(nodeA);
      const changes = changer(pgNodes, auth, flipper);
      const nodeRatios: number[] = [];
      let outcome = { wrong: 0, changes: 0 };
      try {
        for (let r = 0; r < ROUNDS; r++) {
          const one = await verify(nodeA, secrets.pg);
          const [left, right] = await Promise.all([verify(nodeA, secrets.pg, CONNECTIONS / 2), verify(nodeB, secrets.pg, CONNECTIONS / 2)]);
          for (const run of [one, left, right]) expectOnly(run, 200, 'postgres nodes');
          nodeRatios.push((left.requestsPerSecond + right.requestsPerSecond) / one.requestsPerSecond);
          log(`  round ${r + 1}/${ROUNDS}: 1 node ${Math.round(one.requestsPerSecond)}, 2 nodes ${Math.round(left.requestsPerSecond + right.requestsPerSecond)} req/s`);
        }
      } finally {
        outcome = await changes.stop();
      }
      const how = `median of ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections in all, ratio per round`;
      return [
        measured(PG_RATIO, round(100 * median(pgRatios), 1), `${how}; cached token, so no query per check on either store`),
        measured(NODES_RATIO, round(100 * median(nodeRatios), 1), `${how}; one token's whitelist flipped through node 1 all along (${outcome.changes} edits), on 2 cores`),
        measured(WRONG, outcome.wrong, `after each of ${outcome.changes} acknowledged edits, both nodes asked at once`),
      ];
    } finally {
      for (const server of servers) await server.stop();
      cluster.stop();
    }
  },
};
