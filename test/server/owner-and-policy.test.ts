import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
const POLICY = '/api/admin/settings/token-policy';
const NO_POLICY = { maxLifetimeDays: null, requireWhitelist: false, widestIpv4Prefix: null, widestIpv6Prefix: null };
// 15 June 2030 22:30 UTC is 00:30 on 16 June in Paris, so "today" is the organisation's.
const clock = new TestClock('2030-06-15T22:30:00.000Z');
let server: Started;
let admin: Session;
let clerk: Session;
let role: number;
let unique = 0;

type Owned = TokenReply & { owner: string | null; description: string | null };
interface PolicyReply {
  maxLifetimeDays: number | null;
  requireWhitelist: boolean;
  widestIpv4Prefix: number | null;
  widestIpv6Prefix: number | null;
  version: number;
  editable: boolean;
}

const name = (prefix: string) => `${prefix} ${++unique}`;
const setPolicy = (session: Session, body: unknown, ifMatch?: string) =>
  request<PolicyReply & ErrorReply>(server.port, POLICY, { method: 'PUT', headers: { ...session.auth, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, json: body });

beforeAll(async () => {
  server = await startServer({ clock: clock.now, demo: true, timeZone: 'Europe/Paris' });
  await addRole(server.dbPath, { name: 'Token clerk', type: 'employee', rank: 3, rights: { security: { view: 'all', manage: ['create_edit'] } } });
  await addEmployee(server.dbPath, { email: 'clerk@example.test', password: 'Clerk-Passw0rd!', name: 'Cleo Clerk', roles: ['Token clerk'] });
  admin = await login(server.port);
  clerk = await login(server.port, { email: 'clerk@example.test', password: 'Clerk-Passw0rd!' });
  role = await roleId(server.port, admin, 'Read-only Clients');
});
beforeEach(async () => {
  expect((await setPolicy(admin, NO_POLICY)).status).toBe(200);
});
afterAll(async () => {
  await server.close();
});

describe('owner and description', () => {
  it('stores them trimmed, lists, searches and audits them old → new, and moves the change cursor', async () => {
    const created = await request<{ token: Owned }>(server.port, TOKENS, {
      headers: admin.auth,
      json: { name: name('Owned'), roleId: role, owner: '  Payments Team ', description: ' Nightly invoice export ' },
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatchObject({ owner: 'Payments Team', description: 'Nightly invoice export' });
    const id = created.body.token.id;

    const cursor = (await request<{ changeCursor: string }>(server.port, `${TOKENS}?pageSize=1`, { headers: admin.auth })).body.changeCursor;
    const edited = await request<Owned>(server.port, `${TOKENS}/${id}`, {
      method: 'PATCH', headers: { ...admin.auth, 'if-match': '"1"' }, json: { owner: 'ops@example.com', description: null },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ owner: 'ops@example.com', description: null, version: 2 });

    const changed = await request<{ items: Owned[] }>(server.port, `${TOKENS}?changedSince=${cursor}`, { headers: admin.auth });
    expect(changed.body.items.map((token) => [token.id, token.owner])).toEqual([[id, 'ops@example.com']]);

    const found = await request<{ items: Owned[] }>(server.port, `${TOKENS}?search=${encodeURIComponent('OPS@EXAMPLE')}`, { headers: admin.auth });
    expect(found.body.items.map((token) => token.id)).toEqual([id]);

    const audit = await request<{ items: { action: string; changes?: Record<string, [unknown, unknown]> }[] }>(
      server.port, `/api/admin/audit-events?tokenId=${id}`, { headers: admin.auth },
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'token.updated',
      changes: { owner: ['Payments Team', 'ops@example.com'], description: ['Nightly invoice export', null] },
    });
  });

  it('refuses an owner that is neither an email address nor a team name, and control characters', async () => {
    for (const owner of ['bob@', 'ops\u0007team', '#ops']) {
      const reply = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: name('Bad owner'), roleId: role, owner } });
      expect(reply.status, owner).toBe(400);
      expect(reply.body.details?.[0]?.field).toBe('owner');
    }
    const long = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: name('Long text'), roleId: role, description: 'x'.repeat(501) } });
    expect(long.status).toBe(400);
    expect(long.body.details?.[0]?.field).toBe('description');
  });
});

describe('token policy', () => {
  it('is read by any security viewer, changed only with Manage all on Security, with If-Match, and audited old → new', async () => {
    const read = await request<PolicyReply>(server.port, POLICY, { headers: clerk.auth });
    expect(read.status).toBe(200);
    expect(read.body.editable).toBe(false);
    expect((await setPolicy(clerk, { ...NO_POLICY, requireWhitelist: true })).status).toBe(403);

    const current = await request<PolicyReply>(server.port, POLICY, { headers: admin.auth });
    expect(current.body.editable).toBe(true);
    const tag = current.headers.etag as string;
    const changed = await setPolicy(admin, { ...NO_POLICY, maxLifetimeDays: 90, widestIpv4Prefix: 16 }, tag);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ maxLifetimeDays: 90, widestIpv4Prefix: 16, version: current.body.version + 1 });
    const stale = await setPolicy(admin, NO_POLICY, tag);
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version_mismatch');

    const audit = await request<{ items: { action: string; changes?: Record<string, [unknown, unknown]> }[] }>(server.port, '/api/admin/audit-events?limit=5', { headers: admin.auth });
    expect(audit.body.items.find((event) => event.action === 'policy.updated')?.changes).toEqual({ maxLifetimeDays: [null, 90], widestIpv4Prefix: [null, 16] });
  });

  it('refuses a new token that breaks it with 422 policy_violation naming the rule, on the field', async () => {
    await setPolicy(admin, { maxLifetimeDays: 30, requireWhitelist: true, widestIpv4Prefix: 16, widestIpv6Prefix: 48 });
    const never = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: name('Forever'), roleId: role, whitelist: ['10.0.0.0/8', '2001:db8::/32'] } });
    expect(never.status).toBe(422);
    expect(never.body.code).toBe('policy_violation');
    expect(never.body.message).toContain('Token policy: maximum lifetime 30 days');
    expect(never.body.details).toEqual([
      { field: 'expiresOn', message: 'Token policy: maximum lifetime 30 days: an expiry date is required, on or before 16/07/2030.' },
      { field: 'whitelist.0', message: 'Token policy: no IPv4 range wider than /16: 10.0.0.0/8 is /8.' },
      { field: 'whitelist.1', message: 'Token policy: no IPv6 range wider than /48: 2001:db8::/32 is /32.' },
    ]);
    // The last day allowed is counted in the organisation's zone (16 June there + 30 days).
    const tooLate = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: name('Late'), roleId: role, expiresOn: '2030-07-17', whitelist: ['10.1.0.0/16'] } });
    expect(tooLate.status).toBe(422);
    const noList = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: name('Open'), roleId: role, expiresOn: '2030-07-16' } });
    expect(noList.body.details).toEqual([{ field: 'whitelist', message: 'Token policy: a whitelist is required: add at least one address or range.' }]);
    const fine = await createToken(server.port, admin, { name: name('Compliant'), roleId: role, expiresOn: '2030-07-16', whitelist: ['10.1.0.0/16', '2001:db8:1::/48'] });
    expect(fine.token.expiresOn).toBe('2030-07-16');
  });

  it('judges an edit on what it changes; an older token that breaks the policy keeps working and can be renamed', async () => {
    const old = await createToken(server.port, admin, { name: name('Older'), roleId: role });
    await setPolicy(admin, { ...NO_POLICY, maxLifetimeDays: 30 });
    const renamed = await request<Owned>(server.port, `${TOKENS}/${old.token.id}`, { method: 'PATCH', headers: admin.auth, json: { name: name('Renamed'), owner: 'Platform' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.expiresOn).toBeNull();
    const extended = await request<ErrorReply>(server.port, `${TOKENS}/${old.token.id}`, { method: 'PATCH', headers: admin.auth, json: { expiresOn: '2031-01-01' } });
    expect(extended.status).toBe(422);
    expect(extended.body.details?.[0]).toMatchObject({ field: 'expiresOn' });
  });
});
