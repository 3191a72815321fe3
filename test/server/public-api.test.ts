import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatSecret } from '../../shared/domain';
import {
  TestClock,
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

const clock = new TestClock('2030-06-15T08:00:00.000Z');
let server: Started;
let admin: Session;
const roles: Record<string, number> = {};

beforeAll(async () => {
  server = await startServer({ clock: clock.now, demo: true, denialLimit: { maxDenials: 5, windowMs: 60_000 } });
  admin = await login(server.port);
  for (const name of ['Read-only Clients', 'Analytics Only', 'Desk manager', 'Full CB Access']) roles[name] = await roleId(server.port, admin, name);
});
afterAll(async () => {
  await server.close();
});
// Each test starts a minute after the previous one, with a fresh session: no denial window of
// the rate limiter and no once-a-minute usage write carries over, whatever the order.
beforeEach(async () => {
  clock.advance(61_000);
  admin = await login(server.port);
});

function call<T = unknown>(path: string, secret: string, from = '127.0.0.1', extra: Parameters<typeof request>[2] = {}) {
  return request<T>(server.port, path, { ...extra, localAddress: from, headers: { authorization: secret, ...extra.headers } });
}

async function patch(id: number, body: Record<string, unknown>): Promise<TokenReply> {
  const reply = await request<TokenReply>(server.port, `/api/admin/identification-tokens/${id}`, { method: 'PATCH', headers: admin.auth, json: body });
  expect(reply.status).toBe(200);
  return reply.body;
}

describe('verify', () => {
  it('describes a usable token, with the whole header or a Bearer value as credential', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'VerifyMe', roleId: roles['Read-only Clients'] as number, expiresOn: '2030-07-01' });
    for (const header of [secret, `Bearer ${secret}`, `bearer ${secret}`]) {
      const reply = await call<Record<string, unknown>>('/api/public/tokens/verify', header);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        id: token.id,
        name: 'VerifyMe',
        roleName: 'Read-only Clients',
        permissions: ['Clients', 'KYC Documents', 'Requests'],
        expiresAt: '2030-07-02T00:00:00.000Z',
        status: 'active',
      });
    }
  });

  it('refuses unknown, malformed and missing credentials with 401 X-0005', async () => {
    const unknown = formatSecret('A'.repeat(32));
    const { secret } = await createToken(server.port, admin, { name: 'Lookalike', roleId: roles['Read-only Clients'] as number });
    const badChecksum = secret.slice(0, -1) + (secret.endsWith('0') ? '1' : '0');
    for (const header of [unknown, badChecksum, 'wfx_short', 'Bearer ', '']) {
      const reply = await call<ErrorReply>('/api/public/tokens/verify', header, '127.0.0.4');
      expect(reply.status).toBe(401);
      expect(reply.body.code).toBe('X-0005');
      expect(reply.body.message.endsWith('CODE: X-0005')).toBe(true);
    }
    const none = await request<ErrorReply>(server.port, '/api/public/tokens/verify', { localAddress: '127.0.0.7' });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('X-0005');
    clock.advance(61_000);
  });
});

describe('rights', () => {
  it('serves a module the role can view (linked views included) and refuses others with 403 insufficient_rights', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'ClientsReader', roleId: roles['Read-only Clients'] as number });
    const clients = await call<{ items: { id: number; firstName: string }[]; total: number }>('/api/public/clients', secret);
    expect(clients.status).toBe(200);
    // The three seeded clients (another test may have added one since).
    expect(clients.body.items.slice(0, 3).map((client) => client.id)).toEqual([1, 2, 3]);
    expect(clients.body.items[0]?.firstName).toBe('Amélie');
    expect((await call('/api/public/kyc-documents', secret)).status).toBe(200);
    const page = await call<{ items: unknown[] }>('/api/public/clients?limit=1&offset=1', secret);
    expect(page.body.items).toHaveLength(1);

    const denied = await call<ErrorReply>('/api/public/cb-accounts', secret);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('insufficient_rights');
    expect(denied.body.message).toContain('CB Accounts');
    expect(denied.body.message).toContain('View own');
  });

  it('serves every public read endpoint to a role that views it', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'CbReader', roleId: roles['Full CB Access'] as number });
    for (const resource of ['cb-accounts', 'cb-transactions', 'cb-assets', 'cb-wallets']) {
      const reply = await call<{ items: unknown[] }>(`/api/public/${resource}`, secret);
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeGreaterThan(0);
    }
    const desk = await createToken(server.port, admin, { name: 'DeskReader', roleId: roles['Desk manager'] as number });
    for (const resource of ['projects', 'desks']) expect((await call(`/api/public/${resource}`, desk.secret)).status).toBe(200);
    const cal = await createToken(server.port, admin, { name: 'CalReader', roleId: await roleId(server.port, admin, 'Clients, Actions, Logs') });
    for (const resource of ['actions', 'logs']) expect((await call(`/api/public/${resource}`, cal.secret)).status).toBe(200);
  });

  it('creates a client only with Create/Edit on Clients (a broader manage right counts)', async () => {
    const writer = await createToken(server.port, admin, { name: 'ClientWriter', roleId: roles['Desk manager'] as number });
    const reader = await createToken(server.port, admin, { name: 'ClientReader2', roleId: roles['Read-only Clients'] as number });
    const body = { firstName: 'Noor', lastName: 'Haddad', email: 'noor@example.com', country: 'ae' };
    const created = await call<{ id: number; country: string; status: string }>('/api/public/clients', writer.secret, '127.0.0.1', { json: body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 4, country: 'AE', status: 'new' });
    const refused = await call<ErrorReply>('/api/public/clients', reader.secret, '127.0.0.1', { json: body });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('Create/Edit');
    const invalid = await call<ErrorReply>('/api/public/clients', writer.secret, '127.0.0.1', { json: { ...body, email: 'not-an-email' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details?.[0]?.field).toBe('email');
  });

  it('applies a role change on the very next request, with the same secret', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'RoleSwitcher', roleId: roles['Analytics Only'] as number });
    expect((await call('/api/public/clients', secret)).status).toBe(403);
    await patch(token.id, { roleId: roles['Read-only Clients'] });
    expect((await call('/api/public/clients', secret)).status).toBe(200);
    await patch(token.id, { roleId: roles['Analytics Only'] });
    expect((await call('/api/public/clients', secret)).status).toBe(403);
  });

  it('refuses a deleted token at once with 401 X-0005', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'ShortLived', roleId: roles['Read-only Clients'] as number });
    expect((await call('/api/public/clients', secret)).status).toBe(200);
    expect((await request(server.port, `/api/admin/identification-tokens/${token.id}`, { method: 'DELETE', headers: admin.auth })).status).toBe(204);
    const after = await call<ErrorReply>('/api/public/clients', secret);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('X-0005');
  });
});

describe('IP whitelist with real source addresses', () => {
  it('accepts whitelisted source addresses only, and follows whitelist edits at once', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'Pinned', roleId: roles['Read-only Clients'] as number, whitelist: ['127.0.0.2'] });
    expect((await call('/api/public/clients', secret, '127.0.0.2')).status).toBe(200);
    const refused = await call<ErrorReply>('/api/public/clients', secret, '127.0.0.3');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ip_not_allowed');
    expect(refused.body.message).toContain('127.0.0.3');

    await patch(token.id, { whitelist: ['127.0.0.3'] });
    expect((await call('/api/public/clients', secret, '127.0.0.3')).status).toBe(200);
    expect((await call('/api/public/clients', secret, '127.0.0.2')).status).toBe(403);

    await patch(token.id, { whitelist: ['127.0.0.0/30', '::1'] });
    expect((await call('/api/public/clients', secret, '127.0.0.2')).status).toBe(200);
    expect((await call('/api/public/clients', secret, '127.0.0.3')).status).toBe(200);
    expect((await call('/api/public/clients', secret, '127.0.0.5')).status).toBe(403);

    await patch(token.id, { whitelist: [] });
    expect((await call('/api/public/clients', secret, '127.0.0.5')).status).toBe(200);
    clock.advance(61_000);
  });

  it('checks the whitelist before the rights, so an outsider learns nothing about the role', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'PinnedAnalytics', roleId: roles['Analytics Only'] as number, whitelist: ['127.0.0.2'] });
    const reply = await call<ErrorReply>('/api/public/clients', secret, '127.0.0.6');
    expect(reply.body.code).toBe('ip_not_allowed');
  });
});

describe('usage and denials', () => {
  it('records lastUsedAt and lastUsedIp at most once a minute', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'Tracked', roleId: roles['Read-only Clients'] as number });
    const firstAt = clock.now().toISOString();
    expect((await call('/api/public/tokens/verify', secret, '127.0.0.2')).status).toBe(200);
    const read = async () => (await request<TokenReply>(server.port, `/api/admin/identification-tokens/${token.id}`, { headers: admin.auth })).body;
    expect(await read()).toMatchObject({ lastUsedAt: firstAt, lastUsedIp: '127.0.0.2', version: 1 });

    clock.advance(30_000);
    expect((await call('/api/public/tokens/verify', secret, '127.0.0.3')).status).toBe(200);
    expect(await read()).toMatchObject({ lastUsedAt: firstAt, lastUsedIp: '127.0.0.2' });

    clock.advance(31_000);
    const secondAt = clock.now().toISOString();
    expect((await call('/api/public/tokens/verify', secret, '127.0.0.3')).status).toBe(200);
    expect(await read()).toMatchObject({ lastUsedAt: secondAt, lastUsedIp: '127.0.0.3', version: 1 });
  });

  it('audits each denial with its reason and rate limits an address that keeps failing', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'Outsider', roleId: roles['Read-only Clients'] as number, whitelist: ['127.0.0.2'] });
    const from = '127.0.0.9';
    expect((await call('/api/public/clients', secret, from)).status).toBe(403);
    for (let i = 0; i < 4; i++) expect((await call('/api/public/clients', formatSecret(`${'B'.repeat(31)}${i}`), from)).status).toBe(401);
    const limited = await call<ErrorReply>('/api/public/clients', secret, from);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Other addresses are not affected.
    expect((await call('/api/public/clients', secret, '127.0.0.2')).status).toBe(200);

    const audit = await request<{ items: { action: string; reason?: string; ip: string; tokenName: string | null }[] }>(
      server.port, `/api/admin/audit-events?tokenId=${token.id}`, { headers: admin.auth });
    expect(audit.body.items[0]).toMatchObject({ action: 'token.denied', reason: 'ip_not_allowed', ip: from, tokenName: 'Outsider' });
    expect(audit.text).not.toContain(secret);
    const all = await request<{ items: { action: string; reason?: string; ip: string }[] }>(server.port, '/api/admin/audit-events?limit=20', { headers: admin.auth });
    expect(all.body.items.filter((event) => event.ip === from && event.reason === 'unknown_token')).toHaveLength(4);

    clock.advance(61_000);
    expect((await call('/api/public/clients', secret, from)).status).toBe(403);
  });

  it('refuses an expired token with 401 token_expired once its last day has ended in the zone', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'LastDay', roleId: roles['Read-only Clients'] as number, expiresOn: '2030-06-15' });
    const ok = await call<{ status: string }>('/api/public/tokens/verify', secret);
    expect(ok.body.status).toBe('expiring');
    clock.advance(16 * 3_600_000);
    const expired = await call<ErrorReply>('/api/public/tokens/verify', secret);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('token_expired');
    admin = await login(server.port);
  });
});

describe('OpenAPI document', () => {
  it('is served without credentials and documents both APIs', async () => {
    const reply = await request<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { securitySchemes: Record<string, unknown> } }>(
      server.port, '/api/public/docs/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(reply.body.paths);
    for (const path of ['/api/admin/auth/login', '/api/admin/auth/refresh', '/api/admin/auth/logout', '/api/admin/settings', '/api/admin/modules',
      '/api/admin/roles', '/api/admin/identification-tokens', '/api/admin/identification-tokens/{id}', '/api/admin/audit-events',
      '/api/public/tokens/verify', '/api/public/clients', '/api/public/desks']) {
      expect(paths).toContain(path);
    }
    expect(Object.keys(reply.body.paths['/api/admin/identification-tokens/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(reply.body.components.securitySchemes).toHaveProperty('identificationToken');
    expect(paths).not.toContain('/api/public/docs/openapi.json');
  });
});
