import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWellFormedSecret, secretHint } from '../../../shared/domain';
import { TestClock, createToken, login, request, roleId, startServer, type ErrorReply, type Session, type Started, type TokenReply } from '../harness';

const TOKENS = '/api/admin/identification-tokens';
const HOUR = 3_600_000;
const clock = new TestClock('2030-06-15T12:00:00.000Z');
let server: Started;
let admin: Session;
let readOnlyRole: number;

type Rotated = { token: TokenReply & { previousSecret: { hint: string; validUntil: string } | null }; secret: string };
type AuditBody = { items: { action: string; reason?: string; changes?: Record<string, [unknown, unknown]> }[] };

beforeAll(async () => {
  server = await startServer({ clock: clock.now, demo: true });
  admin = await login(server.port);
  readOnlyRole = await roleId(server.port, admin, 'Read-only Clients');
});
afterAll(async () => {
  await server.close();
});

const verify = (secret: string) => request(server.port, '/api/public/tokens/verify', { headers: { authorization: secret } });
const clients = (secret: string) => request(server.port, '/api/public/clients', { headers: { authorization: secret } });
const rotate = (id: number, overlapHours: number, version?: number) =>
  request<Rotated & ErrorReply>(server.port, `${TOKENS}/${id}/rotate-secret`, {
    headers: { ...admin.auth, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
    json: { overlapHours },
  });
const endOverlap = (id: number, version: number) =>
  request<TokenReply & ErrorReply & { previousSecret: unknown }>(server.port, `${TOKENS}/${id}/end-overlap`, {
    method: 'POST',
    headers: { ...admin.auth, 'if-match': `"${version}"` },
  });
const auditOf = async (id: number) => (await request<AuditBody>(server.port, `/api/admin/audit-events?tokenId=${id}`, { headers: admin.auth })).body.items;

describe('rotating a secret with an overlap', () => {
  it('accepts both secrets during the overlap, keeps the token, and refuses the old one from the overlap end', async () => {
    const created = await createToken(server.port, admin, { name: 'Rotated with overlap', roleId: readOnlyRole, whitelist: [], expiresOn: '2031-01-01' });
    const old = created.secret;
    const reply = await rotate(created.token.id, 1, created.token.version);
    expect(reply.status).toBe(200);
    expect(reply.headers.etag).toBe(`"${created.token.version + 1}"`);
    const { token, secret } = reply.body;
    expect(isWellFormedSecret(secret)).toBe(true);
    expect(secret).not.toBe(old);
    expect(token).toMatchObject({
      id: created.token.id, name: 'Rotated with overlap', roleId: readOnlyRole, expiresOn: '2031-01-01',
      secretHint: secretHint(secret),
      previousSecret: { hint: secretHint(old), validUntil: new Date(clock.now().getTime() + HOUR).toISOString() },
    });

    expect((await clients(old)).status).toBe(200);
    expect((await clients(secret)).status).toBe(200);
    // The list shows the overlap too; no secret is ever sent again.
    const list = await request<{ items: Rotated['token'][] }>(server.port, `${TOKENS}?search=Rotated%20with`, { headers: admin.auth });
    expect(list.body.items[0]?.previousSecret?.hint).toBe(secretHint(old));
    expect(list.text).not.toContain(old);
    expect(list.text).not.toContain(secret);

    clock.advance(HOUR - 1);
    expect((await verify(old)).status).toBe(200);
    clock.advance(1);
    const refused = await verify(old);
    expect(refused.status).toBe(401);
    expect((refused.body as ErrorReply).code).toBe('X-0005');
    expect((await verify(secret)).status).toBe(200);
    // The admin session does not outlive the hour the clock moved.
    admin = await login(server.port);
    const after = await request<Rotated['token']>(server.port, `${TOKENS}/${created.token.id}`, { headers: admin.auth });
    expect(after.body.previousSecret).toBeNull();

    const audit = await auditOf(created.token.id);
    const rotation = audit.find((event) => event.action === 'token.rotated');
    expect(rotation?.changes?.secret).toEqual([secretHint(old), secretHint(secret)]);
    const uses = audit.filter((event) => event.action === 'token.secret_used').map((event) => event.reason);
    expect(uses).toEqual(expect.arrayContaining([`old secret ${secretHint(old)}`, `new secret ${secretHint(secret)}`]));
    expect(JSON.stringify(audit)).not.toContain(old.slice(8));
    expect(JSON.stringify(audit)).not.toContain(secret.slice(8));
  });

  it('ends the overlap early in one action, at the very next request', async () => {
    const created = await createToken(server.port, admin, { name: 'Overlap ended early', roleId: readOnlyRole });
    const rotated = (await rotate(created.token.id, 24, created.token.version)).body;
    // Both secrets are now cached by the access path.
    expect((await verify(created.secret)).status).toBe(200);
    expect((await verify(rotated.secret)).status).toBe(200);

    const ended = await endOverlap(created.token.id, rotated.token.version);
    expect(ended.status).toBe(200);
    expect(ended.body.previousSecret).toBeNull();
    expect((await verify(created.secret)).status).toBe(401);
    expect((await verify(rotated.secret)).status).toBe(200);
    const audit = await auditOf(created.token.id);
    expect(audit.find((event) => event.action === 'token.overlap_ended')?.reason).toBe(`old secret ${secretHint(created.secret)}`);
  });

  it('refuses the old secret at once without an overlap, and a stale version with 412', async () => {
    const created = await createToken(server.port, admin, { name: 'Rotated at once', roleId: readOnlyRole });
    expect((await verify(created.secret)).status).toBe(200);
    const stale = await rotate(created.token.id, 0, created.token.version + 5);
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version_mismatch');
    expect((await verify(created.secret)).status).toBe(200);

    const rotated = await rotate(created.token.id, 0, created.token.version);
    expect(rotated.body.token.previousSecret).toBeNull();
    expect((await verify(created.secret)).status).toBe(401);
    expect((await verify(rotated.body.secret)).status).toBe(200);
    // The old version no longer ends anything.
    expect((await endOverlap(created.token.id, created.token.version)).status).toBe(412);
  });

  it('refuses an overlap beyond 7 days and unknown fields', async () => {
    const created = await createToken(server.port, admin, { name: 'Rotation bounds', roleId: readOnlyRole });
    expect((await rotate(created.token.id, 169)).status).toBe(400);
    const extra = await request<ErrorReply>(server.port, `${TOKENS}/${created.token.id}/rotate-secret`, {
      headers: admin.auth,
      json: { overlapHours: 1, secret: 'mine' },
    });
    expect(extra.status).toBe(400);
    expect((await rotate(created.token.id, 168)).status).toBe(200);
  });
});
