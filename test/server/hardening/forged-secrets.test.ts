import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BASE62_ALPHABET, SECRET_PREFIX, formatSecret, isWellFormedSecret } from '../../../shared/domain';
import { TokensRepository } from '../../../server/src/repositories/tokens';
import { AccessCache } from '../../../server/src/tokens/access-cache';
import { TestClock, createToken, login, request, roleId, startServer, type ErrorReply, type Reply, type Session, type Started } from '../harness';

const VERIFY = '/api/public/tokens/verify';
const clock = new TestClock('2030-06-15T08:00:00.000Z');
let server: Started;
let admin: Session;
let role = 0;

beforeAll(async () => {
  server = await startServer({ clock: clock.now, demo: true, denialLimit: { maxDenials: 10_000, windowMs: 60_000 } });
  admin = await login(server.port);
  role = await roleId(server.port, admin, 'Read-only Clients');
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

const verify = (secret: string): Promise<Reply<ErrorReply>> => request<ErrorReply>(server.port, VERIFY, { headers: { authorization: secret } });

/** A different base62 character at position `index`, so the result keeps the secret's shape. */
function flip(secret: string, index: number): string {
  const char = secret[index] ?? '0';
  const other = BASE62_ALPHABET[(BASE62_ALPHABET.indexOf(char) + 1) % 62] ?? '0';
  return secret.slice(0, index) + other + secret.slice(index + 1);
}

function expectUnknown(reply: Reply<ErrorReply>): void {
  expect(reply.status).toBe(401);
  expect(reply.body.code).toBe('X-0005');
  expect(reply.body.message).toMatch(/CODE: X-0005$/);
}

// Observation only: the real methods run; the spies count what reaches the lookup.
function watchLookups() {
  return {
    cache: vi.spyOn(AccessCache.prototype, 'token'),
    byHash: vi.spyOn(TokensRepository.prototype, 'findByHash'),
  };
}

describe('forged secrets on the public API', () => {
  it('refuses each forgery with its code', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'ForgeTarget', roleId: role, expiresOn: '2030-06-15' });
    const body = secret.slice(SECRET_PREFIX.length);
    const forgeries = {
      wrongPrefix: `wfy_${body}`,
      upperPrefix: `WFX_${body}`,
      noPrefix: body,
      badChecksum: flip(secret, secret.length - 1),
      bodyChanged: flip(secret, 10),
      truncated: secret.slice(0, -1),
      extended: `${secret}0`,
      unknown: formatSecret('Z'.repeat(32)),
    };
    for (const [kind, forged] of Object.entries(forgeries)) {
      expect(forged, kind).not.toBe(secret);
      expectUnknown(await verify(forged));
    }
    expect(isWellFormedSecret(forgeries.unknown)).toBe(true);
    expect(isWellFormedSecret(forgeries.badChecksum)).toBe(false);

    // The genuine secret still works; once its last day ends it is refused as expired.
    expect((await verify(secret)).status).toBe(200);
    clock.advance(16 * 3_600_000);
    const expired = await verify(secret);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('token_expired');
    expect(expired.text).not.toContain(secret);
    // A day later the admin session has ended too.
    admin = await login(server.port);
  });

  it('answers a deleted token exactly like one that never existed', async () => {
    const { token, secret } = await createToken(server.port, admin, { name: 'SoonGone', roleId: role });
    expect((await verify(secret)).status).toBe(200);
    expect((await request(server.port, `/api/admin/identification-tokens/${token.id}`, { method: 'DELETE', headers: admin.auth })).status).toBe(204);

    const deleted = await verify(secret);
    const never = await verify(formatSecret('N'.repeat(32)));
    expectUnknown(deleted);
    expect(deleted.status).toBe(never.status);
    expect(deleted.text).toBe(never.text);
    const headerNames = (reply: Reply) => Object.keys(reply.headers).filter((name) => name !== 'date').sort();
    expect(headerNames(deleted)).toEqual(headerNames(never));
    expect(deleted.headers['content-length']).toBe(never.headers['content-length']);

    // Over a module route as well, where a live token would be judged on its rights.
    const onRoute = await request<ErrorReply>(server.port, '/api/public/clients', { headers: { authorization: secret } });
    const neverOnRoute = await request<ErrorReply>(server.port, '/api/public/clients', { headers: { authorization: formatSecret('M'.repeat(32)) } });
    expect(onRoute.text).toBe(neverOnRoute.text);
  });
});

describe('refusals do not reveal which hashes exist', () => {
  it('refuses a look-alike (bad checksum, prefix, length) without any lookup', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'ChecksumGuard', roleId: role });
    const lookups = watchLookups();
    for (const forged of [flip(secret, secret.length - 1), flip(secret, 5), `wfy_${secret.slice(4)}`, secret.slice(0, -2), `${secret}xy`]) {
      expectUnknown(await verify(forged));
    }
    expect(lookups.cache).not.toHaveBeenCalled();
    expect(lookups.byHash).not.toHaveBeenCalled();
  });

  it('looks a well-formed unknown secret up exactly once, by its SHA-256 only', async () => {
    const lookups = watchLookups();
    const unknown = [formatSecret('a'.repeat(32)), formatSecret('0123456789abcdefABCDEF0123456789')];
    for (const secret of unknown) expectUnknown(await verify(secret));
    expect(lookups.byHash).toHaveBeenCalledTimes(unknown.length);
    for (const [i, secret] of unknown.entries()) {
      const [hash] = lookups.byHash.mock.calls[i] ?? [];
      // Always 32 bytes: the query's shape does not depend on the presented value, and the
      // secret itself never reaches SQL, so index timing is over hashes an attacker cannot aim.
      expect(hash).toEqual(crypto.createHash('sha256').update(secret).digest());
      expect(hash?.length).toBe(32);
      expect(await lookups.byHash.mock.results[i]?.value).toBeUndefined();
    }
  });

  it('confirms a found hash with a constant-time comparison, and never caches an unknown one', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'ConstantTime', roleId: role });
    const lookups = watchLookups();
    // node:crypto's named exports are synced from its default object, so the server's
    // `timingSafeEqual` import sees the spy.
    const safeEqual = vi.spyOn(crypto, 'timingSafeEqual');
    syncBuiltinESMExports();

    expect((await verify(secret)).status).toBe(200);
    expect(lookups.byHash).toHaveBeenCalledTimes(1);
    expect(safeEqual).toHaveBeenCalledTimes(1);
    expect(safeEqual.mock.calls[0]?.[1]).toEqual(crypto.createHash('sha256').update(secret).digest());

    const unknown = formatSecret('u'.repeat(32));
    for (let i = 0; i < 3; i++) expectUnknown(await verify(unknown));
    // Every attempt with an unknown secret costs the same single lookup: nothing is remembered.
    expect(lookups.byHash).toHaveBeenCalledTimes(4);
  });

  it('leaves the same audit trace for an unknown secret and a look-alike', async () => {
    const unknown = formatSecret('t'.repeat(32));
    const lookalike = flip(unknown, unknown.length - 1);
    expectUnknown(await verify(unknown));
    expectUnknown(await verify(lookalike));
    const audit = await request<{ items: { action: string; actor: unknown; tokenId: number | null; tokenName: string | null; reason?: string }[] }>(
      server.port, '/api/admin/audit-events?limit=2', { headers: admin.auth });
    const [last, previous] = audit.body.items;
    const { id: _a, at: _b, ...lastShape } = last as unknown as Record<string, unknown>;
    const { id: _c, at: _d, ...previousShape } = previous as unknown as Record<string, unknown>;
    expect(lastShape).toEqual(previousShape);
    expect(lastShape).toMatchObject({ action: 'token.denied', reason: 'unknown_token', tokenId: null, tokenName: null });
    expect(audit.text).not.toContain(unknown.slice(4));
  });
});
