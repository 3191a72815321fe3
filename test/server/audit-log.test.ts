import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, AuditListResponse, RefusalGroups } from '../../shared/api';
import { addEmployee, addRole, createToken, login, request, roleId, startServer, TestClock, type Session, type Started } from './harness';

// Security → Audit log: the filtered, keyset-paged trail and the grouped refusals, over HTTP.
const EVENTS = '/api/admin/audit-events';
const VERIFY = '/api/public/tokens/verify';
const clock = new TestClock('2030-06-15T20:00:00.000Z');
let server: Started;
let admin: Session;
let deleted: { id: number; name: string };

const events = async (query: string) => {
  const reply = await request<AuditListResponse>(server.port, `${EVENTS}?${query}`, { headers: admin.auth });
  expect(reply.status).toBe(200);
  return reply.body;
};
const line = (event: AuditEvent) => `${event.action}|${event.tokenName ?? '-'}|${event.ip ?? '-'}|${event.reason ?? '-'}`;

beforeAll(async () => {
  // Tokyo is UTC+9: 20:00 UTC on the 15th is already the 16th there.
  server = await startServer({ clock: clock.now, timeZone: 'Asia/Tokyo' });
  admin = await login(server.port);
  const role = await roleId(server.port, admin, 'Administrator');
  const gone = await createToken(server.port, admin, { name: 'Nightly Export', roleId: role });
  deleted = { id: gone.token.id, name: gone.token.name };
  expect((await request(server.port, VERIFY, { headers: { authorization: gone.secret } })).status).toBe(200);
  expect((await request(server.port, `/api/admin/identification-tokens/${deleted.id}`, { method: 'DELETE', headers: admin.auth })).status).toBe(204);
  // Two days later, in Tokyo: the 18th.
  clock.advance(2 * 24 * 3_600_000);
  admin = await login(server.port);
  for (let i = 0; i < 3; i++) {
    expect((await request(server.port, VERIFY, { headers: { authorization: gone.secret }, localAddress: '127.0.0.2' })).status).toBe(401);
  }
  const forged = `wfx_${'A'.repeat(32)}`;
  expect((await request(server.port, VERIFY, { headers: { authorization: forged }, localAddress: '127.0.0.3' })).status).toBe(401);
  await createToken(server.port, admin, { name: 'Later One', roleId: role });
});
afterAll(async () => server.close());

describe('GET /api/admin/audit-events (filters and keyset pages)', () => {
  it('names the deleted token a refused secret belonged to, and finds it by token, action and address', async () => {
    const page = await events(`action=token.denied&tokenName=${encodeURIComponent('nightly export')}&ip=127.0.0.2`);
    expect(page.items.map(line)).toEqual(Array.from({ length: 3 }, () => 'token.denied|Nightly Export|127.0.0.2|unknown_token:deleted'));
    expect(page.items.every((event) => event.tokenId === deleted.id && event.actor.name === 'Nightly Export')).toBe(true);
    expect(page.nextCursor).toBeNull();
    // A secret no token ever held stays unknown.
    expect((await events('ip=127.0.0.3')).items.map(line)).toEqual(['token.denied|-|127.0.0.3|unknown_token']);
    expect((await events(`tokenId=${deleted.id}&action=token.deleted`)).items).toHaveLength(1);
  });

  it('filters by actor and by days of the organisation\'s zone, both ends included', async () => {
    const sixteenth = await events('from=2030-06-16&to=2030-06-16');
    expect(sixteenth.items.map((event) => event.action)).toEqual(['token.deleted', 'token.created']);
    expect((await events('from=2030-06-15&to=2030-06-15')).items).toEqual([]);
    expect((await events('from=2030-06-18')).items.map((event) => event.action)).toEqual(['token.created', ...Array(4).fill('token.denied')]);
    expect((await events('actor=ADMINISTRATOR')).items.map((event) => event.action)).toEqual(['token.created', 'token.deleted', 'token.created']);
  });

  it('pages newest first by (at, id) without gaps or repeats, and refuses a cursor on other filters', async () => {
    const all = (await events('limit=500')).items;
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: AuditListResponse = await events(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((event) => event.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all.map((event) => event.id));
    const instants = all.map((event) => event.at);
    expect([...instants].sort().reverse()).toEqual(instants);

    const first = await events('limit=1');
    const reply = await request<{ code: string; details: { field: string }[] }>(server.port, `${EVENTS}?limit=1&action=token.created&cursor=${first.nextCursor ?? ''}`, { headers: admin.auth });
    expect(reply.status).toBe(400);
    expect(reply.body.details[0]?.field).toBe('cursor');
  });
});

describe('GET /api/admin/audit-events/refusals', () => {
  it('groups refusals by token and by address over 24 hours or 7 days', async () => {
    const get = async (window: string) =>
      (await request<RefusalGroups>(server.port, `${EVENTS}/refusals?window=${window}`, { headers: admin.auth })).body;
    const day = await get('24h');
    expect(day.byAddress).toEqual([
      expect.objectContaining({ ip: '127.0.0.2', kind: 'deleted_token', count: 3, tokens: 1 }),
      expect.objectContaining({ ip: '127.0.0.3', kind: 'unknown_token', count: 1, tokens: 0 }),
    ]);
    expect(day.byToken).toEqual([{ tokenId: deleted.id, tokenName: 'Nightly Export', kind: 'deleted_token', count: 3, addresses: 1, lastAt: clock.now().toISOString() }]);
    clock.advance(25 * 3_600_000);
    try {
      admin = await login(server.port);
      expect((await get('24h')).byAddress).toEqual([]);
      expect((await get('7d')).byAddress.map((group) => group.count)).toEqual([3, 1]);
    } finally {
      clock.advance(-25 * 3_600_000);
      admin = await login(server.port);
    }
  });
});

describe('who may read the audit log', () => {
  it('needs View all on Security; View own still reads the usage of its own tokens', async () => {
    await addRole(server.dbPath, { name: 'Own tokens', type: 'employee', rank: 5, rights: { security: { view: 'own', manage: [] } } });
    const reader = { email: 'own@example.test', password: 'Own-Passw0rd!', name: 'Owen' };
    await addEmployee(server.dbPath, { ...reader, roles: ['Own tokens'] });
    const own = await login(server.port, { email: reader.email, password: reader.password });
    for (const path of [EVENTS, `${EVENTS}/refusals`]) {
      const reply = await request<{ code: string }>(server.port, path, { headers: own.auth });
      expect(reply.status, path).toBe(403);
      expect(reply.body.code).toBe('forbidden');
    }
    const usage = await request<{ items: unknown[] }>(server.port, '/api/admin/token-usage', { headers: own.auth });
    expect(usage.status).toBe(200);
    expect(usage.body.items).toEqual([]);
  });
});
