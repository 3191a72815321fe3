import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, TestClock, login, request, startServer, type ErrorReply, type Reply, type Started } from '../harness';

// test/server/admin-auth.test.ts holds the basic promises (lockout after 3 failures lifting
// after 60 s, one refresh reuse ending the session, an idle session ending); these are the edges
// an attacker would probe.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const clock = new TestClock();
let server: Started;

beforeAll(async () => {
  server = await startServer({ clock: clock.now });
});
afterAll(async () => {
  await server.close();
});

interface Pair {
  accessToken: string;
  refreshToken: string;
}

const signIn = (email: string, password: string, localAddress?: string): Promise<Reply<ErrorReply>> =>
  request<ErrorReply>(server.port, '/api/admin/auth/login', { json: { email, password }, ...(localAddress ? { localAddress } : {}) });
const refresh = (refreshToken: string) => request<Pair & ErrorReply>(server.port, '/api/admin/auth/refresh', { json: { refreshToken } });
const settings = (accessToken: string) => request<ErrorReply>(server.port, '/api/admin/settings', { headers: { authorization: `Bearer ${accessToken}` } });

describe('sign-in lockout', () => {
  it('locks on the 3rd failure exactly, for 60 s to the second, then lifts', async () => {
    for (let i = 0; i < 2; i++) expect((await signIn(ADMIN.email, `wrong-${i}`)).status).toBe(401);
    const third = await signIn(ADMIN.email, 'wrong-2');
    expect(third.status).toBe(401);
    expect(third.body.code).toBe('invalid_credentials');

    const locked = await signIn(ADMIN.email, ADMIN.password);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('login_locked');
    expect(locked.headers['retry-after']).toBe('60');

    clock.advance(59 * SECOND);
    const stillLocked = await signIn(ADMIN.email, ADMIN.password);
    expect(stillLocked.status).toBe(429);
    expect(stillLocked.headers['retry-after']).toBe('1');

    clock.advance(1 * SECOND);
    expect((await signIn(ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('forgives earlier failures after a success: 2 failures, a success, 2 failures do not lock', async () => {
    for (let i = 0; i < 2; i++) expect((await signIn(ADMIN.email, `miss-${i}`)).status).toBe(401);
    expect((await signIn(ADMIN.email, ADMIN.password)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await signIn(ADMIN.email, `miss-again-${i}`)).status).toBe(401);
    expect((await signIn(ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('cannot be dodged by changing the case or padding of the email, or the source address', async () => {
    const variants = [ADMIN.email.toUpperCase(), `  ${ADMIN.email}  `, ADMIN.email.replace('admin', 'ADMIN')];
    for (const [i, email] of variants.entries()) {
      expect((await signIn(email, `guess-${i}`, `127.0.0.${i + 2}`)).status).toBe(401);
    }
    for (const email of [ADMIN.email, ...variants]) {
      expect((await signIn(email, ADMIN.password, '127.0.0.9')).status).toBe(429);
    }
    clock.advance(MINUTE);
  });

  it('answers a locked known account and a locked unknown email alike, whatever the password', async () => {
    const ghost = 'nobody@example.test';
    for (let i = 0; i < 3; i++) {
      await signIn(ADMIN.email, `again-${i}`);
      await signIn(ghost, `again-${i}`);
    }
    const right = await signIn(ADMIN.email, ADMIN.password);
    const wrong = await signIn(ADMIN.email, 'still-wrong');
    const unknown = await signIn(ghost, 'whatever');
    for (const reply of [right, wrong, unknown]) expect(reply.status).toBe(429);
    expect(right.text).toBe(wrong.text);
    expect(unknown.text).toBe(right.text);
    clock.advance(MINUTE);
  });
});

describe('refresh-token reuse', () => {
  it('revokes the session when the first token of a long rotation chain is replayed', async () => {
    const first = await login(server.port);
    let current: Pair = first;
    for (let i = 0; i < 3; i++) {
      const next = await refresh(current.refreshToken);
      expect(next.status).toBe(200);
      current = next.body;
    }
    expect((await settings(current.accessToken)).status).toBe(200);

    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('refresh_token_reused');
    expect((await settings(current.accessToken)).status).toBe(401);
    expect((await refresh(current.refreshToken)).status).toBe(401);
  });

  it('ends the session when the same refresh token is presented twice at once', async () => {
    const session = await login(server.port);
    const [a, b] = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
    const codes = [a, b].map((reply) => reply.status).sort();
    expect(codes).toEqual([200, 401]);
    const loser = a.status === 401 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.code).toBe('refresh_token_reused');
    // The pair handed to whichever request won the race is dead too: either could be the thief.
    expect((await settings(winner.body.accessToken)).status).toBe(401);
    expect((await refresh(winner.body.refreshToken)).status).toBe(401);
  });
});

describe('idle sessions', () => {
  it('survives 59 minutes of silence and ends at 60, counted from the last activity', async () => {
    const session = await login(server.port);
    clock.advance(14 * MINUTE);
    const active = await refresh(session.refreshToken);
    expect(active.status).toBe(200);

    clock.advance(59 * MINUTE);
    const justInTime = await refresh(active.body.refreshToken);
    expect(justInTime.status).toBe(200);

    clock.advance(60 * MINUTE);
    const idle = await refresh(justInTime.body.refreshToken);
    expect(idle.status).toBe(401);
    expect(idle.body.code).toBe('session_expired');
    // Ended for good: the same token does not come back to life.
    expect((await refresh(justInTime.body.refreshToken)).status).toBe(401);
    expect((await settings(justInTime.body.accessToken)).status).toBe(401);
  });

  it('refuses an access token after its 15 minutes even while the session is active', async () => {
    const session = await login(server.port);
    clock.advance(15 * MINUTE - SECOND);
    expect((await settings(session.accessToken)).status).toBe(200);
    clock.advance(SECOND);
    const expired = await settings(session.accessToken);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('session_expired');
  });
});
