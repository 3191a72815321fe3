import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANGES_CHANNEL, PgChangeListener } from '../../../server/src/db/pg-listener';
import { PG_ADMIN_URL, createPgDatabase } from '../harness';

// The listening connection of one node, on a real PostgreSQL: Store.caughtUp is asked by every
// request that reads the access cache, so many wait on it at once.

let databaseUrl: string;
let writer: pg.Client;
let listener: PgChangeListener;
const heard = new Set<number>();
// The questions on the listener's connection at once, and the most there ever were.
let onListener = 0;
let mostOnListener = 0;

beforeAll(async () => {
  if (!PG_ADMIN_URL) throw new Error('The multi-node suite runs in the server-pg project only.');
  databaseUrl = await createPgDatabase(PG_ADMIN_URL, 'listener');
  writer = new pg.Client({ connectionString: databaseUrl });
  await writer.connect();
  const query = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const answer = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (this === writer || !(answer instanceof Promise)) return answer as never;
    onListener += 1;
    mostOnListener = Math.max(mostOnListener, onListener);
    return answer.finally(() => (onListener -= 1)) as never;
  });
  listener = new PgChangeListener({ connectionString: databaseUrl }, {
    change: (change) => {
      if (change.kind === 'token') heard.add(change.id);
    },
    down: () => undefined,
    up: () => undefined,
  });
  await listener.start();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await listener?.close();
  await writer?.end();
});

const notify = (id: number) => writer.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ kind: 'token', id })]);

describe('waiting for the other nodes’ changes', () => {
  it('has every change committed before a wait heard when it ends, with one question at a time on the connection', async () => {
    mostOnListener = 0;
    const waits: Promise<void>[] = [];
    const missed: number[] = [];
    for (let id = 1; id <= 60; id++) {
      await notify(id);
      // Several waits at once, each asked after its change committed: those that find a round
      // trip on the wire must not settle for it.
      for (let i = 0; i < 3; i++) {
        waits.push(listener.caughtUp().then(() => {
          if (!heard.has(id)) missed.push(id);
        }));
      }
    }
    await Promise.all(waits);
    expect(missed).toEqual([]);
    expect(heard.size).toBe(60);
    expect(mostOnListener).toBe(1);
  });

  it('shares one round trip among the waits that arrive while another is on the wire', async () => {
    const before = vi.mocked(pg.Client.prototype.query).mock.calls.length;
    await Promise.all(Array.from({ length: 50 }, () => listener.caughtUp()));
    // The first wait's round trip, then one for all the others.
    expect(vi.mocked(pg.Client.prototype.query).mock.calls.length - before).toBe(2);
  });
});
