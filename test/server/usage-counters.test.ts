import { afterEach, describe, expect, it } from 'vitest';
import type { TokenUsage, UsageTotals } from '../../shared/api';
import { openStore } from '../../server/src/db/open-store';
import { UsageCounters } from '../../server/src/public/usage-counters';
import { createToken, login, newStoreLocation, request, roleId, startServer, STORE, tempDir, TestClock, type Started } from './harness';

// Usage: each node counts a token's accepted and refused requests per day in memory and adds
// them to the store in batches (UPSERT increments), off the request's path.
const VERIFY = '/api/public/tokens/verify';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(options: Parameters<typeof startServer>[0]): Promise<Started> {
  const server = await startServer(options);
  cleanups.push(() => server.close());
  return server;
}

describe('usage counters over HTTP', () => {
  it('counts 200 concurrent accepted and 5 refused requests exactly, with their addresses', async () => {
    // A flush every few milliseconds, so batches are written while requests are still arriving.
    const server = await started({ usageFlushMs: 3 });
    const admin = await login(server.port);
    const role = await roleId(server.port, admin, 'Administrator');
    const { token, secret } = await createToken(server.port, admin, { name: 'Busy', roleId: role, whitelist: ['127.0.0.1'] });
    const replies = await Promise.all([
      ...Array.from({ length: 200 }, () => request(server.port, VERIFY, { headers: { authorization: secret } })),
      ...Array.from({ length: 5 }, () => request(server.port, VERIFY, { headers: { authorization: secret }, localAddress: '127.0.0.2' })),
    ]);
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(200);
    expect(replies.filter((reply) => reply.status === 403)).toHaveLength(5);

    const usage = await request<TokenUsage>(server.port, `/api/admin/token-usage/${token.id}`, { headers: admin.auth });
    expect(usage.status).toBe(200);
    expect(usage.body.days).toEqual([{ day: usage.body.to, accepted: 200, refused: 5 }]);
    expect(usage.body.addresses).toEqual(['127.0.0.1', '127.0.0.2']);
    const totals = await request<UsageTotals>(server.port, '/api/admin/token-usage', { headers: admin.auth });
    expect(totals.body.items).toEqual([{ tokenId: token.id, requests: 205 }]);

    // A deleted token's counts go with it.
    await request(server.port, `/api/admin/identification-tokens/${token.id}`, { method: 'DELETE', headers: admin.auth });
    expect((await request<UsageTotals>(server.port, '/api/admin/token-usage', { headers: admin.auth })).body.items).toEqual([]);
    expect((await request(server.port, `/api/admin/token-usage/${token.id}`, { headers: admin.auth })).status).toBe(404);
  });

  it('keeps days of the organisation\'s zone for 90 days, and shows the last 30', async () => {
    const clock = new TestClock('2030-06-15T23:30:00.000Z');
    const server = await started({ clock: clock.now, timeZone: 'Europe/Paris' });
    let admin = await login(server.port);
    const role = await roleId(server.port, admin, 'Administrator');
    const { token, secret } = await createToken(server.port, admin, { name: 'Daily', roleId: role });
    const call = () => request(server.port, VERIFY, { headers: { authorization: secret } });
    const usage = async () => (await request<TokenUsage>(server.port, `/api/admin/token-usage/${token.id}`, { headers: admin.auth })).body;
    await call(); // 01:30 on the 16th in Paris
    clock.advance(29 * 24 * 3_600_000);
    admin = await login(server.port);
    await call();
    await call();
    expect((await usage()).days).toEqual([
      { day: '2030-06-16', accepted: 1, refused: 0 },
      { day: '2030-07-15', accepted: 2, refused: 0 },
    ]);
    clock.advance(24 * 3_600_000);
    admin = await login(server.port);
    // Out of the 30-day chart, still kept.
    expect((await usage()).days.map((day) => day.day)).toEqual(['2030-07-15']);
    clock.advance(61 * 24 * 3_600_000);
    admin = await login(server.port);
    await call();
    const store = await openStore(server.dbPath);
    try {
      await usage(); // flushes, and prunes past 90 days
      expect((await store.repos.usage.days(token.id, '2000-01-01')).map((day) => day.day)).toEqual(['2030-07-15', '2030-09-15']);
    } finally {
      await store.close();
    }
  });
});

describe('several nodes adding to one store', () => {
  it('sums counts flushed at the same moment by two nodes', async () => {
    const { dir, remove } = tempDir('wifox-usage-');
    const location = await newStoreLocation(dir, 'usage.db');
    const stores = [await openStore(location), await openStore(location)];
    cleanups.push(async () => {
      for (const store of stores) await store.close();
      remove();
    });
    const [first, second] = stores;
    if (!first || !second) throw new Error('no store');
    const now = new Date('2030-06-15T12:00:00.000Z');
    const employee = await first.repos.employees.insert({ name: 'N', email: 'n@example.test', passwordHash: 'x' }, now);
    const role = await first.repos.roles.insert({ name: 'R', type: 'employee', rank: 1, rights: {} }, now);
    const tokenId = await first.repos.tokens.insert(
      { name: 'Shared', nameKey: 'shared', roleId: role.id, whitelist: [], expiresOn: null, secretHash: Buffer.alloc(32, 1), secretHint: 'wfx_AAAA', createdBy: employee.id },
      now,
    );
    const clock = () => new Date('2030-06-15T12:00:00.000Z');
    const nodes = stores.map((store) => new UsageCounters(store, { clock, timeZone: 'UTC' }));
    for (let round = 0; round < 3; round++) {
      nodes.forEach((node, index) => {
        for (let i = 0; i < 50; i++) node.record(tokenId, clock(), `10.0.${index}.${i % 30}`, i % 10 === 0 ? 'refused' : 'accepted');
      });
      // Two SQLite connections in one process cannot overlap their writes (better-sqlite3 waits
      // synchronously for the lock the other one holds); SQLite is one node anyway.
      if (STORE === 'postgres') await Promise.all(nodes.map((node) => node.flush()));
      else for (const node of nodes) await node.flush();
    }
    expect(await first.repos.usage.days(tokenId, '2030-01-01')).toEqual([{ day: '2030-06-15', accepted: 270, refused: 30 }]);
    // Each node keeps up to 20 addresses per token and day.
    expect(await first.repos.usage.addresses(tokenId, '2030-01-01', 1000)).toHaveLength(40);
  });
});
