import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/src/db/open-store';
import {
  TestClock,
  addRole,
  createToken,
  login,
  request,
  startServer,
  type ErrorReply,
  type Session,
  type Started,
  type TokenReply,
} from './harness';

const TOKENS = '/api/admin/identification-tokens';
const DAY_MS = 86_400_000;
const clock = new TestClock('2030-06-15T12:00:00.000Z');
let server: Started;
let admin: Session;
let syncRole: number;

interface ListBody {
  items: TokenReply[];
  total: number | null;
  nextCursor: string | null;
  changeCursor: string;
  deletedIds: number[];
}

const list = (query: string) => request<ListBody>(server.port, `${TOKENS}?${query}`, { headers: admin.auth });

async function walk(query: string, pageSize: number): Promise<{ ids: number[]; pages: ListBody[] }> {
  const pages: ListBody[] = [];
  let reply = await list(`${query}&pageSize=${pageSize}`);
  for (;;) {
    expect(reply.status, reply.text).toBe(200);
    pages.push(reply.body);
    if (reply.body.nextCursor === null) break;
    reply = await list(`${query}&pageSize=${pageSize}&cursor=${reply.body.nextCursor}`);
  }
  return { ids: pages.flatMap((page) => page.items.map((item) => item.id)), pages };
}

async function changeRoleRights(id: number, rights: object): Promise<void> {
  const store = await openStore(server.dbPath);
  try {
    await store.db.updateTable('roles').set({ rights: JSON.stringify(rights) }).where('id', '=', id).execute();
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  server = await startServer({ clock: clock.now, demo: true, timeZone: 'Europe/Paris' });
  admin = await login(server.port);
  syncRole = await addRole(server.dbPath, { name: 'Sync reader', type: 'affiliate', rank: 5, rights: { clients: { view: 'all', manage: [] } } });
});
afterAll(async () => {
  await server.close();
});

describe('keyset pages', () => {
  it('walks every order and filter page by page, exactly as one big page lists it', async () => {
    for (const query of ['sort=expiresOn&order=desc', 'sort=lastUsedAt&order=asc', 'sort=name&order=asc&status=active', 'sort=createdAt&order=desc&search=a']) {
      const whole = await list(`${query}&pageSize=1000`);
      expect(whole.body.nextCursor).toBeNull();
      const { ids, pages } = await walk(query, 3);
      expect(ids, query).toEqual(whole.body.items.map((item) => item.id));
      expect(pages[0]?.total, query).toBe(whole.body.items.length);
      for (const page of pages.slice(1)) expect(page.total).toBeNull();
    }
    const expiry = (await list('sort=expiresOn&order=desc&pageSize=1000')).body.items.map((item) => item.expiresOn);
    // Tokens without an expiry come last in both directions.
    expect(expiry.indexOf(null)).toBeGreaterThan(0);
    expect(expiry.slice(expiry.indexOf(null)).every((value) => value === null)).toBe(true);
  });

  it('filters the status in SQL from the expiry date', async () => {
    const all = (await list('pageSize=1000')).body.items;
    let counted = 0;
    for (const status of ['active', 'expiring', 'expired']) {
      const reply = await list(`status=${status}&pageSize=1000`);
      expect(reply.body.items.every((item) => item.status === status), status).toBe(true);
      expect(reply.body.items.length, status).toBe(all.filter((item) => item.status === status).length);
      counted += reply.body.items.length;
    }
    expect(counted).toBe(all.length);
  });

  it('refuses a cursor made for another order, or one it never gave', async () => {
    const first = await list('sort=name&pageSize=2');
    const other = await request<ErrorReply>(server.port, `${TOKENS}?sort=createdAt&pageSize=2&cursor=${first.body.nextCursor}`, { headers: admin.auth });
    expect(other.status).toBe(400);
    expect(other.body.details?.[0]?.field).toBe('cursor');
    const forged = await request<ErrorReply>(server.port, `${TOKENS}?cursor=abc`, { headers: admin.auth });
    expect(forged.status).toBe(400);
    expect(forged.body.details?.[0]?.field).toBe('cursor');
  });
});

describe('changedSince', () => {
  it('answers exactly the tokens created, edited, deleted and re-permissioned since', async () => {
    const edited = (await createToken(server.port, admin, { name: 'Sync edited', roleId: syncRole })).token;
    const doomed = (await createToken(server.port, admin, { name: 'Sync doomed', roleId: syncRole })).token;
    const untouched = (await createToken(server.port, admin, { name: 'Sync untouched', roleId: syncRole })).token;
    const since = (await list('pageSize=1')).body.changeCursor;

    const created = (await createToken(server.port, admin, { name: 'Sync created', roleId: syncRole })).token;
    expect((await request(server.port, `${TOKENS}/${edited.id}`, { method: 'PATCH', headers: admin.auth, json: { whitelist: ['10.0.0.1'] } })).status).toBe(200);
    expect((await request(server.port, `${TOKENS}/${doomed.id}`, { method: 'DELETE', headers: admin.auth })).status).toBe(204);
    const delta = await list(`changedSince=${since}&pageSize=1000`);
    expect(delta.status, delta.text).toBe(200);
    expect(delta.body.items.map((item) => item.id).sort()).toEqual([created.id, edited.id].sort());
    expect(delta.body.deletedIds).toEqual([doomed.id]);
    expect(delta.body.items.find((item) => item.id === edited.id)?.whitelist).toEqual(['10.0.0.1']);

    // A role change moves every token holding it, with the new permissions.
    await changeRoleRights(syncRole, { clients: { view: 'all', manage: [] }, logs: { view: 'all', manage: [] } });
    const afterRole = await list(`changedSince=${delta.body.changeCursor}&pageSize=1`);
    const { ids } = await walk(`changedSince=${delta.body.changeCursor}`, 1);
    expect(afterRole.body.deletedIds).toEqual([]);
    expect(ids.sort()).toEqual([edited.id, untouched.id, created.id].sort());
    expect(afterRole.body.items[0]?.permissions).toContain('Logs');

    // Usage is not a change, and nothing else happened since.
    const quiet = await list(`changedSince=${afterRole.body.changeCursor}`);
    expect(quiet.body.items).toEqual([]);
    expect(quiet.body.deletedIds).toEqual([]);
  });

  it('refuses a cursor it never gave (400) and one ahead of the store (410)', async () => {
    const garbage = await request<ErrorReply>(server.port, `${TOKENS}?changedSince=xyz`, { headers: admin.auth });
    expect(garbage.status).toBe(400);
    expect(garbage.body.details?.[0]?.field).toBe('changedSince');
    const ahead = Buffer.from(JSON.stringify({ v: 1, c: 1e12 })).toString('base64url');
    const future = await request<ErrorReply>(server.port, `${TOKENS}?changedSince=${ahead}`, { headers: admin.auth });
    expect(future.status).toBe(410);
    expect(future.body.code).toBe('cursor_expired');
  });

  it('expires a cursor older than the deletions it keeps (30 days)', async () => {
    const since = (await list('pageSize=1')).body.changeCursor;
    const gone = (await createToken(server.port, admin, { name: 'Sync forgotten', roleId: syncRole })).token;
    expect((await request(server.port, `${TOKENS}/${gone.id}`, { method: 'DELETE', headers: admin.auth })).status).toBe(204);
    const fresh = await list(`changedSince=${since}`);
    expect(fresh.body.deletedIds).toContain(gone.id);

    clock.advance(31 * DAY_MS);
    // The session idled out meanwhile.
    admin = await login(server.port);
    const expired = await request<ErrorReply>(server.port, `${TOKENS}?changedSince=${since}`, { headers: admin.auth });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('cursor_expired');
    expect(expired.body.message).toMatch(/list every token again/);
    // A cursor taken after the forgotten deletion still works.
    expect((await list(`changedSince=${fresh.body.changeCursor}`)).status).toBe(200);
  });
});
