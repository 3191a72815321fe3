import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, login, request, roleId, startServer, type ErrorReply, type Session, type Started, type TokenReply } from '../harness';

// 203.0.113.9 is the only whitelisted client: reaching the API "as" it is what a spoofer wants.
const CLIENT = '203.0.113.9';

interface Setup {
  server: Started;
  admin: Session;
  pinned: { id: number; secret: string };
}

async function setUp(options: Parameters<typeof startServer>[0]): Promise<Setup> {
  const server = await startServer({ demo: true, ...options });
  const admin = await login(server.port);
  const { token, secret } = await createToken(server.port, admin, {
    name: 'PinnedToClient',
    roleId: await roleId(server.port, admin, 'Read-only Clients'),
    whitelist: [CLIENT],
  });
  return { server, admin, pinned: { id: token.id, secret } };
}

function call(setup: Setup, from: string, headers: Record<string, string>, secret = setup.pinned.secret) {
  return request<ErrorReply>(setup.server.port, '/api/public/clients', { localAddress: from, headers: { authorization: secret, ...headers } });
}

async function lastUsedIp(setup: Setup, id: number): Promise<string | null> {
  const reply = await request<TokenReply>(setup.server.port, `/api/admin/identification-tokens/${id}`, { headers: setup.admin.auth });
  return reply.body.lastUsedIp;
}

async function lastAudit(setup: Setup): Promise<{ action: string; ip: string | null }> {
  const reply = await request<{ items: { action: string; ip: string | null }[] }>(setup.server.port, '/api/admin/audit-events?limit=1', { headers: setup.admin.auth });
  const [event] = reply.body.items;
  if (!event) throw new Error('no audit event');
  return event;
}

describe('without --trust-proxy', () => {
  let direct: Setup;
  beforeAll(async () => {
    direct = await setUp({ denialLimit: { maxDenials: 5, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await direct.server.close();
  });

  it('decides the whitelist on the socket address, whatever forwarding header claims otherwise', async () => {
    const spoofs: Record<string, string>[] = [
      { 'x-forwarded-for': CLIENT },
      { 'x-forwarded-for': `${CLIENT}, ${CLIENT}` },
      { forwarded: `for=${CLIENT}` },
      { 'x-real-ip': CLIENT },
      { 'x-client-ip': CLIENT, 'true-client-ip': CLIENT, 'cf-connecting-ip': CLIENT },
    ];
    for (const headers of spoofs) {
      const reply = await call(direct, '127.0.0.3', headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.body.code).toBe('ip_not_allowed');
      expect(reply.body.message).toContain('127.0.0.3');
      expect(reply.body.message).not.toContain(CLIENT);
    }
    // The denial is audited under the address that really connected.
    expect(await lastAudit(direct)).toMatchObject({ action: 'token.denied', ip: '127.0.0.3' });
  });

  it('records usage under the socket address, not a claimed one', async () => {
    const { token, secret } = await createToken(direct.server.port, direct.admin, {
      name: 'PinnedToLoopback',
      roleId: await roleId(direct.server.port, direct.admin, 'Read-only Clients'),
      whitelist: ['127.0.0.2'],
    });
    const reply = await call(direct, '127.0.0.2', { 'x-forwarded-for': '198.51.100.1' }, secret);
    expect(reply.status).toBe(200);
    expect(await lastUsedIp(direct, token.id)).toBe('127.0.0.2');
  });

  it('rate limits by socket address, so rotating the header does not buy more attempts', async () => {
    for (let i = 1; i <= 5; i++) {
      const reply = await call(direct, '127.0.0.6', { 'x-forwarded-for': `198.51.100.${i}` });
      expect(reply.status).toBe(403);
    }
    const limited = await call(direct, '127.0.0.6', { 'x-forwarded-for': '198.51.100.99' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.body.message).toContain('127.0.0.6');
  });

  it('audits a failed sign-in under the socket address', async () => {
    const reply = await request(direct.server.port, '/api/admin/auth/login', {
      localAddress: '127.0.0.7',
      headers: { 'x-forwarded-for': '198.51.100.50' },
      json: { email: 'spoofer@example.test', password: 'nope' },
    });
    expect(reply.status).toBe(401);
    expect(await lastAudit(direct)).toMatchObject({ action: 'login.failed', ip: '127.0.0.7' });
  });
});

describe('with trustProxy 127.0.0.1/32', () => {
  let proxied: Setup;
  beforeAll(async () => {
    proxied = await setUp({ trustProxy: ['127.0.0.1/32'] });
  });
  afterAll(async () => {
    await proxied.server.close();
  });

  it("honours the trusted proxy's header: the client is the address it forwarded", async () => {
    expect((await call(proxied, '127.0.0.1', { 'x-forwarded-for': CLIENT })).status).toBe(200);
    expect(await lastUsedIp(proxied, proxied.pinned.id)).toBe(CLIENT);
    expect((await call(proxied, '127.0.0.1', { 'x-forwarded-for': `::ffff:${CLIENT}` })).status).toBe(200);
    // The proxy itself, forwarding nothing, is just another client.
    const bare = await call(proxied, '127.0.0.1', {});
    expect(bare.status).toBe(403);
    expect(bare.body.message).toContain('127.0.0.1');
  });

  it('reads from the right: a spoofed left-most value does not win', async () => {
    const reply = await call(proxied, '127.0.0.1', { 'x-forwarded-for': `${CLIENT}, 198.51.100.7` });
    expect(reply.status).toBe(403);
    expect(reply.body.message).toContain('198.51.100.7');
    expect(reply.body.message).not.toContain(CLIENT);
  });

  it('skips trusted hops, stopping at the first untrusted one', async () => {
    expect((await call(proxied, '127.0.0.1', { 'x-forwarded-for': `${CLIENT}, 127.0.0.1` })).status).toBe(200);
    expect((await call(proxied, '127.0.0.1', { 'x-forwarded-for': `198.51.100.7, ${CLIENT}, 127.0.0.1, 127.0.0.1` })).status).toBe(200);
    const nextHop = await call(proxied, '127.0.0.1', { 'x-forwarded-for': `${CLIENT}, 127.0.0.2` });
    expect(nextHop.status).toBe(403);
    expect(nextHop.body.message).toContain('127.0.0.2');
  });

  it('falls back to the last address it can vouch for when a hop is not an address', async () => {
    for (const header of ['not-an-ip', `${CLIENT}, garbage`, `${CLIENT}:443`, `${CLIENT}, `]) {
      const reply = await call(proxied, '127.0.0.1', { 'x-forwarded-for': header });
      expect(reply.status, header).toBe(403);
      expect(reply.body.message).toContain('127.0.0.1');
    }
  });

  it('ignores the header from any other source, even one naming the trusted proxy', async () => {
    for (const header of [CLIENT, `${CLIENT}, 127.0.0.1`]) {
      const reply = await call(proxied, '127.0.0.2', { 'x-forwarded-for': header });
      expect(reply.status, header).toBe(403);
      expect(reply.body.message).toContain('127.0.0.2');
      expect(reply.body.message).not.toContain(CLIENT);
    }
    expect(await lastAudit(proxied)).toMatchObject({ action: 'token.denied', ip: '127.0.0.2' });
  });
});
