import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentificationToken } from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';
import { TokenListStream } from '../../main/services/token-list-stream';
import { TokenService } from '../../main/services/token-service';
import { MAX_FIRST_ROWS } from '../../shared/ipc/token-list-contract';
import { bulkTokenSpecs, insertTokens } from '../bench/server/seed';
import { buildConsole, type TestConsole } from './support/console';
import { ADMIN, startReferenceServer, type ReferenceServer } from './support/reference-server';
import { expectOk, signIn } from './support/sign-in';

let server: ReferenceServer;
let console: TestConsole;

beforeAll(async () => {
  server = await startReferenceServer({ demo: true });
  console = buildConsole();
  await signIn(console, server.url);
});
afterAll(async () => {
  await server.close();
});

// Three tokens a server page: the first rows are answered while main still pages the server.
const paged = () => new TokenService(console.services.session, { pageSize: 3 });

const readRest = async (tokens: TokenService, listId: string, offset: number): Promise<IdentificationToken[]> => {
  const rows: IdentificationToken[] = [];
  for (;;) {
    const chunk = await tokens.listRest(listId, offset + rows.length);
    rows.push(...chunk.items);
    if (chunk.done) return rows;
  }
};

describe('the token list in pieces', () => {
  it('answers the first rows and gives the others by offset, the same tokens as one whole answer', async () => {
    const whole = expectOk<TokenListResult>(await console.call('tokens.list', { full: true }));
    expect(whole.items.length).toBeGreaterThan(6);
    const tokens = paged();
    const first = await tokens.listFirst({ full: true }, 2);
    expect(first.items).toHaveLength(2);
    if (first.rest === undefined) throw new Error('the rest is named');
    const rest = await readRest(tokens, first.rest.listId, 2);
    expect([...first.items, ...rest].map((token) => token.id).sort()).toEqual(whole.items.map((token) => token.id).sort());
  });

  it('names no rest when the first rows are the whole list, and refuses a list a newer one replaced', async () => {
    const tokens = paged();
    const older = await tokens.listFirst({ full: true }, 1);
    const all = await tokens.listFirst({ full: true }, 2_000);
    expect(all.rest).toBeUndefined();
    expect(all.items).toHaveLength(all.total);
    if (older.rest === undefined) throw new Error('the rest is named');
    const { listId } = older.rest;
    expect(() => tokens.listRest(listId, 1)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('answers a sync whole when the list fits one answer: main holds all of it already', async () => {
    const loaded = expectOk<TokenListResult>(await console.call('tokens.list', { full: true }));
    const synced = expectOk<TokenListResult>(await console.call('tokens.list', { firstRows: 1 }));
    expect(synced.rest).toBeUndefined();
    expect(synced.items.map((token) => token.id).sort()).toEqual(loaded.items.map((token) => token.id).sort());
  });
});

describe('a list too long for one answer', () => {
  it('says the rest is in main already after a sync, and not while main pages the server', async () => {
    const big = await startReferenceServer({ demo: true });
    try {
      await insertTokens(big.dbPath, bulkTokenSpecs(MAX_FIRST_ROWS + 500), ADMIN.email);
      const app = buildConsole();
      await signIn(app, big.url);
      const loading = expectOk<TokenListResult>(await app.call('tokens.list', { full: true, firstRows: 10 }));
      expect(loading.rest).toEqual({ listId: expect.any(String) });
      // Read to the end: main then holds the list, and the next list is a sync.
      for (let offset = 10, done = false; !done; ) {
        const chunk = expectOk<{ items: unknown[]; done: boolean }>(await app.call('tokens.listRest', { listId: loading.rest?.listId, offset }));
        offset += chunk.items.length;
        done = chunk.done;
      }

      const synced = expectOk<TokenListResult>(await app.call('tokens.list', { firstRows: 10 }));
      expect(synced.items).toHaveLength(10);
      expect(synced.rest).toEqual({ listId: expect.any(String), held: true });
      expect(synced.total).toBeGreaterThan(MAX_FIRST_ROWS);
    } finally {
      await big.close();
    }
  });
});

describe('a list stream', () => {
  const row = (id: number) => ({ id }) as IdentificationToken;

  it('makes a read wait for rows past its offset, and ends with the final count', async () => {
    const stream = new TokenListStream();
    stream.add([row(1), row(2)], 4);
    const waiting = stream.read(2);
    stream.add([row(3)]);
    expect(await waiting).toEqual({ items: [row(3)], done: false, total: 4 });
    const last = stream.read(3);
    stream.add([row(4)]);
    stream.finish([row(1), row(2), row(3), row(4)]);
    expect(await last).toEqual({ items: [row(4)], done: true, total: 4 });
  });

  it('gives the rows loaded before a failure, then the failure', async () => {
    const stream = new TokenListStream();
    stream.add([row(1)], 3);
    stream.fail(new Error('the server went away'));
    expect(await stream.read(0)).toEqual({ items: [row(1)], done: false, total: 3 });
    await expect(stream.read(1)).rejects.toThrow('the server went away');
  });
});
