import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
