import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatSecret } from '../../shared/domain';
import { presentedSecret } from '../../server/src/public/access-guard';
import { TestClock, createToken, login, request, roleId, startServer, type Session, type Started } from './harness';

describe('presentedSecret', () => {
  it('takes the whole header, or the value after a Bearer scheme, trimmed', () => {
    expect(presentedSecret(undefined)).toBeUndefined();
    expect(presentedSecret('')).toBe('');
    expect(presentedSecret('wfx_abc')).toBe('wfx_abc');
    expect(presentedSecret('  wfx_abc \t')).toBe('wfx_abc');
    expect(presentedSecret('Bearer wfx_abc')).toBe('wfx_abc');
    expect(presentedSecret('bearer   wfx_abc  ')).toBe('wfx_abc');
    expect(presentedSecret('BEARER\twfx_abc')).toBe('wfx_abc');
    // Only one scheme is removed, and only a whole word followed by whitespace.
    expect(presentedSecret('Bearer Bearer wfx_abc')).toBe('Bearer wfx_abc');
    expect(presentedSecret('Bearerwfx_abc')).toBe('Bearerwfx_abc');
    expect(presentedSecret('Bearer ')).toBe('Bearer');
    // Nothing after a line break is dropped: the credential is the whole text or nothing.
    expect(presentedSecret('Bearer wfx_abc\nx')).toBe('Bearer wfx_abc\nx');
  });

  it('never strips a scheme preceded by anything: the whole header is the credential', () => {
    for (const prefix of ['x', 'X-', 'Basic ', 'NotBearer ', '0']) {
      expect(presentedSecret(`${prefix}Bearer wfx_abc`), prefix).toBe(`${prefix}Bearer wfx_abc`);
    }
  });
});

describe('the access guard over HTTP', () => {
  const clock = new TestClock('2030-06-15T08:00:00.000Z');
  let server: Started;
  let admin: Session;
  let readOnly: number;

  beforeAll(async () => {
    server = await startServer({ clock: clock.now, demo: true, denialLimit: { maxDenials: 100, windowMs: 60_000 } });
    admin = await login(server.port);
    readOnly = await roleId(server.port, admin, 'Read-only Clients');
  });
  afterAll(async () => {
    await server.close();
  });

  type Event = { action: string; actor: { type: string; id: number | null; name: string }; tokenId: number | null; tokenName: string | null; ip: string; reason?: string };
  const lastDenial = async (ip: string): Promise<Event | undefined> => {
    const reply = await request<{ items: Event[] }>(server.port, '/api/admin/audit-events?limit=50', { headers: admin.auth });
    return reply.body.items.find((event) => event.action === 'token.denied' && event.ip === ip);
  };
  const verify = (authorization: string, from: string) =>
    request(server.port, '/api/public/tokens/verify', { localAddress: from, headers: { authorization } });

  it('refuses a Bearer scheme with leading garbage', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'Schemed', roleId: readOnly });
    expect((await verify(`Bearer ${secret}`, '127.0.0.21')).status).toBe(200);
    for (const header of [`xBearer ${secret}`, `x Bearer ${secret}`, `Basic Bearer ${secret}`]) {
      expect((await verify(header, '127.0.0.21')).status, header).toBe(401);
    }
  });

  it('audits a denied known token with the token as actor', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'Fenced', roleId: readOnly, whitelist: ['127.0.0.2'] });
    expect((await verify(secret, '127.0.0.22')).status).toBe(403);
    expect(await lastDenial('127.0.0.22')).toMatchObject({
      actor: { type: 'token', id: token.id, name: 'Fenced' },
      tokenId: token.id,
      tokenName: 'Fenced',
      reason: 'ip_not_allowed',
    });
  });

  it('audits an unknown secret with an unknown actor and no token', async () => {
    expect((await verify(formatSecret('C'.repeat(32)), '127.0.0.23')).status).toBe(401);
    expect(await lastDenial('127.0.0.23')).toMatchObject({
      actor: { type: 'token', id: null, name: 'unknown token' },
      tokenId: null,
      tokenName: null,
      reason: 'unknown_token',
    });
  });

  it('audits a deleted token\'s secret with the token it belonged to', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'Retired', roleId: readOnly });
    expect((await request(server.port, `/api/admin/identification-tokens/${token.id}`, { method: 'DELETE', headers: admin.auth })).status).toBe(204);
    expect((await verify(secret, '127.0.0.26')).status).toBe(401);
    expect(await lastDenial('127.0.0.26')).toMatchObject({
      actor: { type: 'token', id: token.id, name: 'Retired' },
      tokenId: token.id,
      tokenName: 'Retired',
      reason: 'unknown_token:deleted',
    });
  });

  it('records the first use of a token that took a deleted token\'s id', async () => {
    type Row = { id: number; lastUsedAt: string | null; lastUsedIp: string | null };
    const read = async (id: number) => (await request<Row>(server.port, `/api/admin/identification-tokens/${id}`, { headers: admin.auth })).body;
    const first = await createToken(server.port, admin, { name: 'Gone soon', roleId: readOnly });
    expect((await verify(first.secret, '127.0.0.24')).status).toBe(200);
    expect((await request(server.port, `/api/admin/identification-tokens/${first.token.id}`, { method: 'DELETE', headers: admin.auth })).status).toBe(204);
    // SQLite gives the next token the newest deleted token's id.
    const second = await createToken(server.port, admin, { name: 'Successor', roleId: readOnly });
    expect((await verify(second.secret, '127.0.0.25')).status).toBe(200);
    expect(await read(second.token.id)).toMatchObject({ lastUsedAt: clock.now().toISOString(), lastUsedIp: '127.0.0.25' });
  });
});

// Every way the guard answers (issue 20): status, code and message per refusal, the audit reason
// with the right a request needed, 429 from the limit on with Retry-After, and the use recorded
// only for an accepted call. A server of its own: its clock and refusal limit are moved here.
describe('the access guard answers each decision', () => {
  const clock = new TestClock('2030-06-15T08:00:00.000Z');
  let server: Started;
  let admin: Session;
  let readOnly: number;

  beforeAll(async () => {
    server = await startServer({ clock: clock.now, demo: true, denialLimit: { maxDenials: 3, windowMs: 60_000 } });
    readOnly = await roleId(server.port, await login(server.port), 'Read-only Clients');
  });
  afterAll(async () => {
    await server.close();
  });
  // One test moves the clock by days, past any admin session: each test signs in afresh.
  beforeEach(async () => {
    admin = await login(server.port);
  });

  type Denied = { statusCode: number; code: string; message: string };
  type Event = { action: string; ip: string; reason?: string; tokenName: string | null };
  const call = (authorization: string, from: string, method = 'GET') =>
    request<Denied>(server.port, '/api/public/clients', {
      method,
      localAddress: from,
      headers: { authorization },
      ...(method === 'POST' ? { json: { name: 'Acme' } } : {}),
    });
  const denials = async (ip: string): Promise<Event[]> => {
    const reply = await request<{ items: Event[] }>(server.port, '/api/admin/audit-events?limit=100', { headers: admin.auth });
    return reply.body.items.filter((event) => event.action === 'token.denied' && event.ip === ip);
  };
  const tokenRow = async (id: number) =>
    (await request<{ lastUsedAt: string | null; lastUsedIp: string | null }>(server.port, `/api/admin/identification-tokens/${id}`, { headers: admin.auth })).body;

  it('refuses with the status, code and message of the first failing check, and audits the right needed', async () => {
    const fenced = await createToken(server.port, admin, { name: 'Fenced in', roleId: readOnly, whitelist: ['127.0.0.40'] });
    const unknown = await call(formatSecret('D'.repeat(32)), '127.0.0.41');
    expect([unknown.status, unknown.body.code, unknown.body.message]).toEqual([401, 'X-0005', 'The token is unknown or has been deleted. CODE: X-0005']);

    const outside = await call(fenced.secret, '127.0.0.42');
    expect([outside.status, outside.body.code, outside.body.message]).toEqual([
      403,
      'ip_not_allowed',
      "Requests from 127.0.0.42 are not allowed by the token's IP whitelist.",
    ]);

    const noRight = await call(fenced.secret, '127.0.0.40', 'POST');
    expect([noRight.status, noRight.body.code, noRight.body.message]).toEqual([
      403,
      'insufficient_rights',
      'The token\'s role lacks the "Create/Edit" right on Clients.',
    ]);
    expect(await denials('127.0.0.40')).toMatchObject([{ reason: 'insufficient_rights:clients:create_edit', tokenName: 'Fenced in' }]);
    expect(await tokenRow(fenced.token.id)).toMatchObject({ lastUsedAt: null, lastUsedIp: null });

    expect((await call(fenced.secret, '127.0.0.40')).status).toBe(200);
    expect(await tokenRow(fenced.token.id)).toMatchObject({ lastUsedAt: clock.now().toISOString(), lastUsedIp: '127.0.0.40' });
  });

  it('refuses an expired token from the first instant after its last day', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'Short lived', roleId: readOnly, expiresOn: '2030-06-16' });
    expect((await call(secret, '127.0.0.43')).status).toBe(200);
    // The organisation zone is UTC here: 17/06/2030 00:00 is the end.
    clock.advance(Date.parse('2030-06-17T00:00:00.000Z') - clock.now().getTime());
    admin = await login(server.port);
    const expired = await call(secret, '127.0.0.43');
    expect([expired.status, expired.body.code, expired.body.message]).toEqual([401, 'token_expired', 'The token expired on 16/06/2030.']);
    expect(await denials('127.0.0.43')).toMatchObject([{ reason: 'expired', tokenName: token.name }]);
  });

  it('answers 429 with Retry-After once an address reaches the limit, before looking at the token', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'Limited', roleId: readOnly });
    const forged = formatSecret('E'.repeat(32));
    for (let i = 0; i < 3; i++) expect((await call(forged, '127.0.0.44')).status).toBe(401);
    expect(await denials('127.0.0.44')).toHaveLength(3);
    // Even a valid token is turned away now, unaudited (the refusals are already counted).
    for (const authorization of [forged, secret]) {
      const over = await call(authorization, '127.0.0.44');
      expect([over.status, over.body.code, over.headers['retry-after']]).toEqual([429, 'rate_limited', '60']);
      expect(over.body.message).toBe('Too many refused requests from 127.0.0.44; try again in 60 s.');
    }
    expect(await denials('127.0.0.44')).toHaveLength(3);
    // Another address is untouched.
    expect((await call(secret, '127.0.0.45')).status).toBe(200);
  });
});
