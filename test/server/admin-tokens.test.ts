import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWellFormedSecret, tokenNameKey } from '../../shared/domain';
import {
  TestClock,
  addEmployee,
  addRole,
  createToken,
  login,
  request,
  roleId,
  startServer,
  type ErrorReply,
  type Session,
  type Started,
  type TokenReply,
} from './harness';

const TOKENS = '/api/admin/identification-tokens';
const clock = new TestClock('2030-06-15T12:00:00.000Z');
let server: Started;
let admin: Session;
let readOnlyRole: number;
let analyticsRole: number;

interface ListBody {
  items: TokenReply[];
  total: number;
  page: number;
  pageSize: number;
}

beforeAll(async () => {
  server = await startServer({ clock: clock.now, demo: true, timeZone: 'Europe/Paris' });
  await addEmployee(server.dbPath, { email: 'sec@example.test', password: 'Sec-Passw0rd!', name: 'Sam Security', roles: ['Security administrator'] });
  await addEmployee(server.dbPath, { email: 'agent@example.test', password: 'Agent-Passw0rd!', name: 'Ada Agent', roles: ['Agent'] });
  await addRole(server.dbPath, { name: 'Token clerk', type: 'employee', rank: 3, rights: { security: { view: 'own', manage: ['create_edit'] } } });
  await addEmployee(server.dbPath, { email: 'clerk@example.test', password: 'Clerk-Passw0rd!', name: 'Cleo Clerk', roles: ['Token clerk'] });
  admin = await login(server.port);
  readOnlyRole = await roleId(server.port, admin, 'Read-only Clients');
  analyticsRole = await roleId(server.port, admin, 'Analytics Only');
});
afterAll(async () => {
  await server.close();
});

describe('creating tokens', () => {
  it('returns 201 with the token, the secret once and Cache-Control: no-store', async () => {
    const reply = await request<{ token: TokenReply; secret: string }>(server.port, TOKENS, {
      headers: admin.auth,
      json: { name: '  ReportingScript2 ', roleId: readOnlyRole, expiresOn: '2030-07-01', whitelist: ['192.168.1.0/24', '2001:DB8::1'] },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers['cache-control']).toBe('no-store');
    const { token, secret } = reply.body;
    expect(isWellFormedSecret(secret)).toBe(true);
    expect(secret).toHaveLength(42);
    expect(token).toMatchObject({
      name: 'ReportingScript2',
      roleName: 'Read-only Clients',
      permissions: ['Clients', 'KYC Documents', 'Requests'],
      whitelist: ['192.168.1.0/24', '2001:db8::1'],
      expiresOn: '2030-07-01',
      // Whole days in Europe/Paris (UTC+2 in summer): the day ends at local midnight.
      expiresAt: '2030-07-01T22:00:00.000Z',
      status: 'active',
      lastUsedAt: null,
      lastUsedIp: null,
      version: 1,
      secretHint: secret.slice(0, 8),
      createdBy: { name: 'Administrator' },
    });
    expect(JSON.stringify(token)).not.toContain(secret.slice(8));

    const fetched = await request<TokenReply>(server.port, `${TOKENS}/${token.id}`, { headers: admin.auth });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.etag).toBe('"1"');
    expect(fetched.text).not.toContain(secret);
    const list = await request(server.port, `${TOKENS}?pageSize=500`, { headers: admin.auth });
    expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain(secret.slice(8, 30));
  });

  it('gives every token a different secret', async () => {
    const a = await createToken(server.port, admin, { name: 'UniqueA', roleId: readOnlyRole });
    const b = await createToken(server.port, admin, { name: 'UniqueB', roleId: readOnlyRole });
    expect(a.secret).not.toBe(b.secret);
  });

  it('answers 409 name_taken for a case-variant of an existing name', async () => {
    await createToken(server.port, admin, { name: 'BackendJob', roleId: readOnlyRole });
    const reply = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: 'BACKENDjob', roleId: readOnlyRole } });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('name_taken');
  });

  it('answers 400 with field details from the shared rules', async () => {
    const reply = await request<ErrorReply>(server.port, TOKENS, {
      headers: admin.auth,
      json: { name: 'x', roleId: readOnlyRole },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.details?.[0]?.field).toBe('name');

    const entries = await request<ErrorReply>(server.port, TOKENS, {
      headers: admin.auth,
      json: { name: 'BadWhitelist', roleId: readOnlyRole, whitelist: ['10.0.0.1', '192.168.1.5/24', 'nonsense'], expiresOn: '2030-06-14' },
    });
    expect(entries.status).toBe(400);
    const fields = entries.body.details?.map((detail) => detail.field);
    expect(fields).toEqual(['whitelist.1', 'whitelist.2', 'expiresOn']);
    expect(entries.body.details?.[0]?.message).toContain('192.168.1.0/24');

    const date = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: 'BadDate', roleId: readOnlyRole, expiresOn: '2030-02-30' } });
    expect(date.status).toBe(400);
    expect(date.body.details?.[0]?.field).toBe('expiresOn');

    const role = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: 'NoRole', roleId: 9999 } });
    expect(role.status).toBe(400);
    expect(role.body.details?.[0]?.field).toBe('roleId');

    const extra = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: 123, roleId: 'x' } });
    expect(extra.status).toBe(400);
    expect(extra.body.details?.map((detail) => detail.field).sort()).toEqual(['name', 'roleId']);
  });

  it('allows today as expiry date in the organisation zone', async () => {
    const { token } = await createToken(server.port, admin, { name: 'EndsToday', roleId: readOnlyRole, expiresOn: '2030-06-15' });
    expect(token.status).toBe('expiring');
  });

  it('refuses (403) a role ranked above the caller, and hides such roles from them', async () => {
    const sec = await login(server.port, { email: 'sec@example.test', password: 'Sec-Passw0rd!' });
    const roles = await request<{ items: { name: string; rank: number }[] }>(server.port, '/api/admin/roles', { headers: sec.auth });
    expect(roles.body.items.map((role) => role.name)).not.toContain('Administrator');
    expect(roles.body.items.every((role) => role.rank >= 2)).toBe(true);
    const adminRole = await roleId(server.port, admin, 'Administrator');
    const reply = await request<ErrorReply>(server.port, TOKENS, { headers: sec.auth, json: { name: 'Escalation', roleId: adminRole } });
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('role_not_assignable');
    const ok = await request(server.port, TOKENS, { headers: sec.auth, json: { name: 'SecMade', roleId: readOnlyRole } });
    expect(ok.status).toBe(201);

    // Nor may they edit or delete a token holding a higher role.
    const high = await createToken(server.port, admin, { name: 'HighRoleToken', roleId: adminRole });
    const edit = await request<ErrorReply>(server.port, `${TOKENS}/${high.token.id}`, { method: 'PATCH', headers: sec.auth, json: { name: 'Renamed' } });
    expect(edit.status).toBe(403);
    const del = await request(server.port, `${TOKENS}/${high.token.id}`, { method: 'DELETE', headers: sec.auth });
    expect(del.status).toBe(403);
  });

  it('refuses (403) callers without rights on Security', async () => {
    const agent = await login(server.port, { email: 'agent@example.test', password: 'Agent-Passw0rd!' });
    const list = await request<ErrorReply>(server.port, TOKENS, { headers: agent.auth });
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('forbidden');
    expect(list.body.message).toContain('Security');
    const create = await request<ErrorReply>(server.port, TOKENS, { headers: agent.auth, json: { name: 'AgentToken', roleId: analyticsRole } });
    expect(create.status).toBe(403);
    const audit = await request(server.port, '/api/admin/audit-events', { headers: agent.auth });
    expect(audit.status).toBe(403);
  });
});

describe('View own on Security', () => {
  it('shows and lets edit only the tokens the employee created; Delete needs its own right', async () => {
    const clerk = await login(server.port, { email: 'clerk@example.test', password: 'Clerk-Passw0rd!' });
    const mine = await createToken(server.port, clerk, { name: 'ClerkToken', roleId: readOnlyRole });
    const theirs = await createToken(server.port, admin, { name: 'AdminOnlyToken', roleId: readOnlyRole });
    const list = await request<ListBody>(server.port, `${TOKENS}?pageSize=500`, { headers: clerk.auth });
    expect(list.body.items.map((item) => item.name)).toEqual(['ClerkToken']);
    expect((await request(server.port, `${TOKENS}/${theirs.token.id}`, { headers: clerk.auth })).status).toBe(404);
    expect((await request(server.port, `${TOKENS}/${theirs.token.id}`, { method: 'PATCH', headers: clerk.auth, json: { name: 'Taken over' } })).status).toBe(404);
    expect((await request(server.port, `${TOKENS}/${mine.token.id}`, { method: 'PATCH', headers: clerk.auth, json: { name: 'ClerkToken2' } })).status).toBe(200);
    const del = await request<ErrorReply>(server.port, `${TOKENS}/${mine.token.id}`, { method: 'DELETE', headers: clerk.auth });
    expect(del.status).toBe(403);
    expect(del.body.message).toContain('Delete');
  });
});

describe('token ids', () => {
  it('never gives a new token the id of a deleted one, nor its audit trail', async () => {
    const doomed = (await createToken(server.port, admin, { name: `Newest then deleted ${Date.now()}`, roleId: readOnlyRole })).token;
    expect((await request(server.port, `${TOKENS}/${doomed.id}`, { method: 'DELETE', headers: admin.auth })).status).toBe(204);
    const next = (await createToken(server.port, admin, { name: `Made after the deletion ${Date.now()}`, roleId: readOnlyRole })).token;
    expect(next.id).toBeGreaterThan(doomed.id);
    const audit = await request<{ items: { action: string }[] }>(server.port, `/api/admin/audit-events?tokenId=${next.id}`, { headers: admin.auth });
    expect(audit.body.items.map((event) => event.action)).toEqual(['token.created']);
  });
});

describe('editing tokens', () => {
  it('updates with If-Match, bumps the version and ETag, and refuses a stale version with 412', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'Editable', roleId: readOnlyRole, whitelist: ['10.0.0.1'] });
    const path = `${TOKENS}/${token.id}`;
    const first = await request<TokenReply>(server.port, path, {
      method: 'PATCH', headers: { ...admin.auth, 'if-match': '"1"' },
      json: { roleId: analyticsRole, whitelist: [], expiresOn: '2030-12-31' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.body).toMatchObject({ roleName: 'Analytics Only', permissions: ['Analytics'], whitelist: [], expiresOn: '2030-12-31', version: 2, secretHint: secret.slice(0, 8) });

    const stale = await request<ErrorReply>(server.port, path, { method: 'PATCH', headers: { ...admin.auth, 'if-match': '"1"' }, json: { name: 'Lost update' } });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version_mismatch');

    const cleared = await request<TokenReply>(server.port, path, { method: 'PATCH', headers: { ...admin.auth, 'if-match': '"2"' }, json: { expiresOn: null } });
    expect(cleared.body).toMatchObject({ expiresOn: null, expiresAt: null, version: 3 });

    const unchanged = await request<TokenReply>(server.port, path, { method: 'PATCH', headers: admin.auth, json: { expiresOn: null } });
    expect(unchanged.body.version).toBe(3);

    const audit = await request<{ items: { action: string; changes?: Record<string, [unknown, unknown]> }[] }>(
      server.port, `/api/admin/audit-events?tokenId=${token.id}`, { headers: admin.auth });
    expect(audit.body.items.map((event) => event.action)).toEqual(['token.updated', 'token.updated', 'token.created']);
    expect(audit.body.items[1]?.changes).toEqual({
      role: ['Read-only Clients', 'Analytics Only'],
      whitelist: [['10.0.0.1'], []],
      expiresOn: [null, '2030-12-31'],
    });
    expect(audit.text).not.toContain(secret);
  });

  it('renames, allowing a case change of its own name but not another token\'s name', async () => {
    const { token } = await createToken(server.port, admin, { name: 'rename-me', roleId: readOnlyRole });
    await createToken(server.port, admin, { name: 'Already-Named', roleId: readOnlyRole });
    const path = `${TOKENS}/${token.id}`;
    const own = await request<TokenReply>(server.port, path, { method: 'PATCH', headers: admin.auth, json: { name: 'Rename-Me' } });
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('Rename-Me');
    const clash = await request<ErrorReply>(server.port, path, { method: 'PATCH', headers: admin.auth, json: { name: 'already-named' } });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('name_taken');
  });

  it('keeps a past expiry date when it is re-sent unchanged, refuses a new past date', async () => {
    const { token } = await createToken(server.port, admin, { name: 'AgingToken', roleId: readOnlyRole, expiresOn: '2030-06-20' });
    const TEN_DAYS = 10 * 86_400_000;
    clock.advance(TEN_DAYS);
    try {
      admin = await login(server.port);
      const path = `${TOKENS}/${token.id}`;
      const got = await request<TokenReply>(server.port, path, { headers: admin.auth });
      expect(got.body.status).toBe('expired');
      const same = await request(server.port, path, { method: 'PATCH', headers: admin.auth, json: { name: 'AgingToken', expiresOn: '2030-06-20' } });
      expect(same.status).toBe(200);
      const past = await request<ErrorReply>(server.port, path, { method: 'PATCH', headers: admin.auth, json: { expiresOn: '2030-06-21' } });
      expect(past.status).toBe(400);
      expect(past.body.details?.[0]?.field).toBe('expiresOn');
    } finally {
      // The other tests' dates are relative to the suite's start day.
      clock.advance(-TEN_DAYS);
      admin = await login(server.port);
    }
  });

  it('answers 404 for an unknown id and 400 for a non-numeric one', async () => {
    expect((await request(server.port, `${TOKENS}/999999`, { headers: admin.auth })).status).toBe(404);
    expect((await request(server.port, `${TOKENS}/999999`, { method: 'PATCH', headers: admin.auth, json: {} })).status).toBe(404);
    const bad = await request<ErrorReply>(server.port, `${TOKENS}/abc`, { headers: admin.auth });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.[0]?.field).toBe('id');
  });
});

describe('deleting tokens', () => {
  it('answers 204, then 404, and records token.deleted', async () => {
    const { token } = await createToken(server.port, admin, { name: 'Doomed', roleId: readOnlyRole });
    const path = `${TOKENS}/${token.id}`;
    expect((await request(server.port, path, { method: 'DELETE', headers: admin.auth })).status).toBe(204);
    expect((await request(server.port, path, { headers: admin.auth })).status).toBe(404);
    expect((await request(server.port, path, { method: 'DELETE', headers: admin.auth })).status).toBe(404);
    const audit = await request<{ items: { action: string; tokenName: string; actor: { type: string; name: string } }[] }>(
      server.port, `/api/admin/audit-events?tokenId=${token.id}&limit=1`, { headers: admin.auth });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'token.deleted', tokenName: 'Doomed', actor: expect.objectContaining({ type: 'employee', name: 'Administrator' }) })]);
  });

  it('with If-Match, refuses (412) to delete a token changed since that version and keeps it', async () => {
    const { token } = await createToken(server.port, admin, { name: 'DeleteIfUnchanged', roleId: readOnlyRole });
    const path = `${TOKENS}/${token.id}`;
    expect((await request(server.port, path, { method: 'PATCH', headers: admin.auth, json: { expiresOn: '2031-01-01' } })).status).toBe(200);
    const stale = await request<ErrorReply>(server.port, path, { method: 'DELETE', headers: { ...admin.auth, 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await request(server.port, path, { headers: admin.auth })).status).toBe(200);
    expect((await request(server.port, path, { method: 'DELETE', headers: { ...admin.auth, 'if-match': '"2"' } })).status).toBe(204);
    expect((await request(server.port, path, { headers: admin.auth })).status).toBe(404);
  });
});

describe('listing tokens', () => {
  it('searches by name without case, filters by status and role, sorts and pages', async () => {
    // Names of this test's own, so that tokens other tests create never change the answer.
    for (const name of ['QuillSync', 'Nightly quill', 'OldQUILLjob']) await createToken(server.port, admin, { name, roleId: readOnlyRole });
    const search = await request<ListBody>(server.port, `${TOKENS}?search=qUiLl`, { headers: admin.auth });
    expect(search.body.items.map((item) => item.name).sort()).toEqual(['Nightly quill', 'OldQUILLjob', 'QuillSync']);
    const seeded = await request<ListBody>(server.port, `${TOKENS}?search=BACKEND`, { headers: admin.auth });
    expect(seeded.body.items.map((item) => item.name)).toEqual(expect.arrayContaining(['BackendAutomation', 'MobileBackend']));
    expect(seeded.body.items.every((item) => item.name.toLowerCase().includes('backend'))).toBe(true);
    await createToken(server.port, admin, { name: 'Écluse Sync', roleId: readOnlyRole });
    const accented = await request<ListBody>(server.port, `${TOKENS}?search=${encodeURIComponent('éCLUSE')}`, { headers: admin.auth });
    expect(accented.body.items.map((item) => item.name)).toEqual(['Écluse Sync']);

    const expired = await request<ListBody>(server.port, `${TOKENS}?status=expired&pageSize=500`, { headers: admin.auth });
    expect(expired.body.total).toBeGreaterThan(0);
    expect(expired.body.items.every((item) => item.status === 'expired')).toBe(true);

    const byRole = await request<ListBody>(server.port, `${TOKENS}?roleId=${analyticsRole}&pageSize=500`, { headers: admin.auth });
    expect(byRole.body.items.every((item) => item.roleId === analyticsRole)).toBe(true);

    const sorted = await request<ListBody>(server.port, `${TOKENS}?sort=name&order=desc&pageSize=500`, { headers: admin.auth });
    const names = sorted.body.items.map((item) => item.name);
    // By the case-folded name, byte for byte (the order of the index the page is read from).
    const keys = names.map((name) => tokenNameKey(name));
    expect(keys).toEqual([...keys].sort().reverse());

    const used = await request<ListBody>(server.port, `${TOKENS}?sort=lastUsedAt&order=desc&pageSize=500`, { headers: admin.auth });
    const lastUsed = used.body.items.map((item) => item.lastUsedAt);
    const firstNull = lastUsed.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(lastUsed.slice(firstNull).every((value) => value === null)).toBe(true);

    const page1 = await request<ListBody>(server.port, `${TOKENS}?pageSize=5&page=1`, { headers: admin.auth });
    const page2 = await request<ListBody>(server.port, `${TOKENS}?pageSize=5&page=2`, { headers: admin.auth });
    expect(page1.body.items).toHaveLength(5);
    expect(page1.body.total).toBe(sorted.body.total);
    expect(page2.body.page).toBe(2);
    expect(page2.body.items[0]?.id).not.toBe(page1.body.items[0]?.id);
  });

  it('refuses pageSize above 1,000 and unknown sort fields', async () => {
    const big = await request<ErrorReply>(server.port, `${TOKENS}?pageSize=1001`, { headers: admin.auth });
    expect(big.status).toBe(400);
    expect(big.body.details?.[0]?.field).toBe('pageSize');
    expect((await request(server.port, `${TOKENS}?sort=secret`, { headers: admin.auth })).status).toBe(400);
    expect((await request(server.port, `${TOKENS}?status=revoked`, { headers: admin.auth })).status).toBe(400);
  });

  it('treats LIKE wildcards in a search as text', async () => {
    const reply = await request<ListBody>(server.port, `${TOKENS}?search=${encodeURIComponent('%')}`, { headers: admin.auth });
    expect(reply.body.total).toBe(0);
  });
});

describe('catalog', () => {
  it('lists the module catalog with display names and groups', async () => {
    const reply = await request<{ items: { key: string; name: string; groupName: string; parent: string | null }[] }>(
      server.port, '/api/admin/modules', { headers: admin.auth });
    expect(reply.body.items).toContainEqual({ key: 'kyc-documents', name: 'KYC Documents', group: 'clients', groupName: 'Clients', parent: 'clients' });
    expect(reply.body.items.find((item) => item.key === 'security')?.name).toBe('Security');
  });

  it('lists roles with their reachable module names', async () => {
    const reply = await request<{ items: { name: string; rank: number; type: string; modules: string[] }[] }>(
      server.port, '/api/admin/roles', { headers: admin.auth });
    const names = reply.body.items.map((role) => role.name);
    for (const expected of ['Administrator', 'Agent', 'Desk manager', 'Project admin', 'CB Accounts & Transactions', 'Read-only Clients',
      'Full CB Access', 'Analytics Only', 'Read-only Clients + KYC Documents', 'Clients, Actions, Logs', 'Security administrator']) {
      expect(names).toContain(expected);
    }
    expect(reply.body.items.find((role) => role.name === 'Clients, Actions, Logs')?.modules).toEqual(['Clients', 'KYC Documents', 'Requests', 'Actions', 'Logs']);
    const ranks = reply.body.items.map((role) => role.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
