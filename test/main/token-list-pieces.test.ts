import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentificationToken } from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';
import type { TokenListChunk } from '../../shared/ipc/token-list-contract';
import { TokenListStream } from '../../main/services/token-list-stream';
import { buildConsole, type TestConsole } from './support/console';
import { startReferenceServer, type ReferenceServer } from './support/reference-server';
import { expectError, expectOk, signIn } from './support/sign-in';

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

const readRest = async (listId: string, offset: number): Promise<IdentificationToken[]> => {
  const rows: IdentificationToken[] = [];
  for (;;) {
    const chunk = expectOk<TokenListChunk>(await console.call('tokens.listRest', { listId, offset: offset + rows.length }));
    rows.push(...chunk.items);
    if (chunk.done) return rows;
  }
};

describe('the token list in pieces', () => {
  it('answers the first rows and gives the others by offset, the same tokens as one whole answer', async () => {
    const whole = expectOk<TokenListResult>(await console.call('tokens.list', { full: true }));
    expect(whole.items.length).toBeGreaterThan(2);
    const first = expectOk<TokenListResult>(await console.call('tokens.list', { full: true, firstRows: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(whole.items.length);
    if (first.rest === undefined) throw new Error('the rest is named');
    const rest = await readRest(first.rest.listId, 2);
    expect([...first.items, ...rest].map((token) => token.id).sort()).toEqual(whole.items.map((token) => token.id).sort());
  });

  it('names no rest when the first rows are the whole list, and refuses a list a newer one replaced', async () => {
    const older = expectOk<TokenListResult>(await console.call('tokens.list', { firstRows: 1 }));
    const all = expectOk<TokenListResult>(await console.call('tokens.list', { firstRows: 2_000 }));
    expect(all.rest).toBeUndefined();
    expect(all.items).toHaveLength(all.total);
    if (older.rest === undefined) throw new Error('the rest is named');
    expect(expectError(await console.call('tokens.listRest', { listId: older.rest.listId, offset: 1 })).code).toBe('not_found');
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
