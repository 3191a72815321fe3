import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, TestClock, login, request, startServer, type ErrorReply, type Started } from './harness';

interface LoginBody {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  employee: { id: number; name: string; email: string; rank: number };
}

const clock = new TestClock();
let server: Started;

beforeAll(async () => {
  server = await startServer({ clock: clock.now });
});
afterAll(async () => {
  await server.close();
});

const MINUTE = 60_000;

describe('admin sign-in', () => {
  it('returns a token pair, their expiry instants and the employee with rank 1', async () => {
    const reply = await request<LoginBody>(server.port, '/api/admin/auth/login', { json: ADMIN });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.body.employee).toMatchObject({ email: ADMIN.email, rank: 1 });
    expect(Date.parse(reply.body.accessTokenExpiresAt) - clock.now().getTime()).toBe(15 * MINUTE);
    expect(reply.body.accessToken).not.toBe(reply.body.refreshToken);
    const modules = await request(server.port, '/api/admin/modules', { headers: { authorization: `Bearer ${reply.body.accessToken}` } });
    expect(modules.status).toBe(200);
  });

  it('accepts the email in another case', async () => {
    const reply = await request(server.port, '/api/admin/auth/login', { json: { ...ADMIN, email: ADMIN.email.toUpperCase() } });
    expect(reply.status).toBe(200);
  });

  it('answers 401 for a wrong password and for an unknown email, with the same message', async () => {
    const wrong = await request<ErrorReply>(server.port, '/api/admin/auth/login', { json: { email: ADMIN.email, password: 'nope' } });
    const unknown = await request<ErrorReply>(server.port, '/api/admin/auth/login', { json: { email: 'ghost@example.test', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
    // A success resets the counter, so this test does not lock the account for the next ones.
    await login(server.port);
  });

  it('answers 400 with field details for a malformed body', async () => {
    const reply = await request<ErrorReply>(server.port, '/api/admin/auth/login', { json: { email: ADMIN.email } });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('validation_failed');
    expect(reply.body.details?.map((detail) => detail.field)).toContain('password');
  });

  it('locks an email for 60 s after 3 failures: 429 with Retry-After, even with the right password', async () => {
    const email = 'locked@example.test';
    for (let i = 0; i < 3; i++) {
      const reply = await request(server.port, '/api/admin/auth/login', { json: { email, password: `wrong${i}` } });
      expect(reply.status).toBe(401);
    }
    const adminFailures = [1, 2, 3].map((i) => request(server.port, '/api/admin/auth/login', { json: { email: ADMIN.email, password: `bad${i}` } }));
    await Promise.all(adminFailures);
    const locked = await request<ErrorReply>(server.port, '/api/admin/auth/login', { json: ADMIN });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('login_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);

    clock.advance(61_000);
    const again = await request(server.port, '/api/admin/auth/login', { json: ADMIN });
    expect(again.status).toBe(200);

    const session = await login(server.port);
    const audit = await request<{ items: { action: string; actor: { name: string } }[] }>(
      server.port, '/api/admin/audit-events?limit=50', { headers: session.auth });
    const actions = audit.body.items.map((event) => event.action);
    expect(actions).toContain('login.failed');
    expect(actions).toContain('login.locked');
    expect(audit.text).not.toContain('wrong0');
  });
});

describe('admin sessions', () => {
  it('rotates the refresh token: the old one stops working and its reuse revokes the whole session', async () => {
    const first = await login(server.port);
    const rotated = await request<LoginBody>(server.port, '/api/admin/auth/refresh', { json: { refreshToken: first.refreshToken } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    const newAuth = { authorization: `Bearer ${rotated.body.accessToken}` };
    expect((await request(server.port, '/api/admin/settings', { headers: newAuth })).status).toBe(200);

    const reused = await request<ErrorReply>(server.port, '/api/admin/auth/refresh', { json: { refreshToken: first.refreshToken } });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('refresh_token_reused');

    // Everything issued to that session is dead now.
    expect((await request(server.port, '/api/admin/settings', { headers: newAuth })).status).toBe(401);
    const successor = await request(server.port, '/api/admin/auth/refresh', { json: { refreshToken: rotated.body.refreshToken } });
    expect(successor.status).toBe(401);
    // Other sessions are untouched.
    const other = await login(server.port);
    expect((await request(server.port, '/api/admin/settings', { headers: other.auth })).status).toBe(200);
  });

  it('refuses an unknown refresh token and an unknown access token', async () => {
    expect((await request(server.port, '/api/admin/auth/refresh', { json: { refreshToken: 'wfr_nothing' } })).status).toBe(401);
    const reply = await request<ErrorReply>(server.port, '/api/admin/roles', { headers: { authorization: 'Bearer wfa_nothing' } });
    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe('unauthorized');
    const none = await request<ErrorReply>(server.port, '/api/admin/roles');
    expect(none.status).toBe(401);
  });

  it('logs out: 204, then the access and refresh tokens are refused', async () => {
    const session = await login(server.port);
    const out = await request(server.port, '/api/admin/auth/logout', { method: 'POST', headers: session.auth });
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    expect((await request(server.port, '/api/admin/settings', { headers: session.auth })).status).toBe(401);
    expect((await request(server.port, '/api/admin/auth/refresh', { json: { refreshToken: session.refreshToken } })).status).toBe(401);
  });

  it('expires access tokens after 15 minutes; a refresh within the idle limit continues the session', async () => {
    const session = await login(server.port);
    clock.advance(15 * MINUTE + 1000);
    const expired = await request<ErrorReply>(server.port, '/api/admin/settings', { headers: session.auth });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('session_expired');
    const refreshed = await request<LoginBody>(server.port, '/api/admin/auth/refresh', { json: { refreshToken: session.refreshToken } });
    expect(refreshed.status).toBe(200);
  });

  it('ends a session idle for 60 minutes', async () => {
    const session = await login(server.port);
    clock.advance(14 * MINUTE);
    expect((await request(server.port, '/api/admin/settings', { headers: session.auth })).status).toBe(200);
    clock.advance(61 * MINUTE);
    const idle = await request<ErrorReply>(server.port, '/api/admin/auth/refresh', { json: { refreshToken: session.refreshToken } });
    expect(idle.status).toBe(401);
    expect(idle.body.code).toBe('session_expired');
  });

  it('keeps an active session alive past 60 minutes as long as it refreshes in time', async () => {
    let session = await login(server.port);
    for (let i = 0; i < 6; i++) {
      clock.advance(14 * MINUTE);
      const reply = await request<LoginBody>(server.port, '/api/admin/auth/refresh', { json: { refreshToken: session.refreshToken } });
      expect(reply.status).toBe(200);
      session = { ...session, refreshToken: reply.body.refreshToken, auth: { authorization: `Bearer ${reply.body.accessToken}` } };
    }
    expect((await request(server.port, '/api/admin/settings', { headers: session.auth })).status).toBe(200);
  });

  it('reports the organisation time zone in settings', async () => {
    const session = await login(server.port);
    const reply = await request<{ timeZone: string; organisationName: string }>(server.port, '/api/admin/settings', { headers: session.auth });
    expect(reply.body).toEqual({ timeZone: 'UTC', organisationName: 'Wifox' });
  });
});
