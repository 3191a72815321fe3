import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { formatSecret } from '../../../shared/domain';
import { addEmployee, addRole, createToken, login, request, roleId, startServer, type ErrorReply, type Session, type Started } from '../harness';

const TOKENS = '/api/admin/identification-tokens';
const LOOKUP = `${TOKENS}/leak-lookup`;
const REVOKE = '/api/public/tokens/revoke';
let server: Started;
let admin: Session;
let readOnlyRole: number;

type Item = { hash: string; status: string; token?: { id: number; name: string; roleName: string }; tokenName?: string; revokedBecause?: string };

const sha = (secret: string): string => createHash('sha256').update(secret).digest('hex');

beforeAll(async () => {
  server = await startServer({ demo: true, denialLimit: { maxDenials: 6, windowMs: 60_000 } });
  await addEmployee(server.dbPath, { email: 'sec@example.test', password: 'Sec-Passw0rd!', name: 'Sam Security', roles: ['Security administrator'] });
  await addRole(server.dbPath, { name: 'Token clerk', type: 'employee', rank: 3, rights: { security: { view: 'own', manage: ['create_edit'] } } });
  await addEmployee(server.dbPath, { email: 'clerk@example.test', password: 'Clerk-Passw0rd!', name: 'Cleo Clerk', roles: ['Token clerk'] });
  admin = await login(server.port);
  readOnlyRole = await roleId(server.port, admin, 'Read-only Clients');
});
afterAll(async () => {
  await server.close();
});

const lookup = (session: Session, hashes: string[]) => request<{ items: Item[] } & ErrorReply>(server.port, LOOKUP, { headers: session.auth, json: { hashes } });
const verify = (secret: string) => request(server.port, '/api/public/tokens/verify', { headers: { authorization: secret } });

describe('looking up leaked secrets by hash', () => {
  it('tells current, rotated-out, deleted and unknown secrets apart, from hashes only', async () => {
    const live = await createToken(server.port, admin, { name: 'Leaked live', roleId: readOnlyRole, whitelist: ['203.0.113.0/24'] });
    const deleted = await createToken(server.port, admin, { name: 'Leaked deleted', roleId: readOnlyRole });
    expect((await request(server.port, `${TOKENS}/${deleted.token.id}`, { method: 'DELETE', headers: admin.auth })).status).toBe(204);
    const rotating = await createToken(server.port, admin, { name: 'Leaked rotating', roleId: readOnlyRole });
    const rotated = await request<{ secret: string }>(server.port, `${TOKENS}/${rotating.token.id}/rotate-secret`, { headers: admin.auth, json: { overlapHours: 24 } });
    const unknown = formatSecret('A'.repeat(32));

    const reply = await lookup(admin, [sha(live.secret), sha(deleted.secret), sha(rotating.secret), sha(rotated.body.secret), sha(unknown)]);
    expect(reply.status).toBe(200);
    const [current, gone, previous, next, nobody] = reply.body.items;
    expect(current).toMatchObject({ status: 'current', token: { id: live.token.id, roleName: 'Read-only Clients', whitelist: ['203.0.113.0/24'] } });
    expect(gone).toMatchObject({ status: 'revoked', tokenName: 'Leaked deleted', revokedBecause: 'deleted' });
    expect(previous).toMatchObject({ status: 'previous', token: { id: rotating.token.id } });
    expect(next).toMatchObject({ status: 'current', token: { id: rotating.token.id } });
    expect(nobody).toEqual({ hash: sha(unknown), status: 'unknown' });
  });

  it('answers unknown for a token the caller may not see, and refuses what is not a hash', async () => {
    const hidden = await createToken(server.port, admin, { name: 'Leaked hidden', roleId: readOnlyRole });
    const sam = await login(server.port, { email: 'sec@example.test', password: 'Sec-Passw0rd!' });
    expect((await lookup(sam, [sha(hidden.secret)])).body.items[0]?.status).toBe('current');
    // The clerk sees only the tokens they created.
    const clerk = await login(server.port, { email: 'clerk@example.test', password: 'Clerk-Passw0rd!' });
    expect((await lookup(clerk, [sha(hidden.secret)])).body.items[0]?.status).toBe('unknown');
    // A plain secret instead of a hash is refused, and not echoed.
    const refused = await lookup(admin, [hidden.secret]);
    expect(refused.status).toBe(400);
    expect(refused.text).not.toContain(hidden.secret);
  });
});

describe('the public revocation endpoint', () => {
  it('needs no credential, revokes what the secrets open, answers only a count, and audits the caller', async () => {
    const first = await createToken(server.port, admin, { name: 'Scanner found one', roleId: readOnlyRole });
    const second = await createToken(server.port, admin, { name: 'Scanner found two', roleId: readOnlyRole });
    expect((await verify(first.secret)).status).toBe(200);
    const reply = await request<{ revoked: number }>(server.port, REVOKE, {
      json: { secrets: [first.secret, `  ${second.secret} `, formatSecret('B'.repeat(32)), 'wfx_forged', first.secret] },
      localAddress: '127.0.0.9',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ revoked: 2 });
    expect((await verify(first.secret)).status).toBe(401);
    expect((await verify(second.secret)).status).toBe(401);
    const again = await request<{ revoked: number }>(server.port, REVOKE, { json: { secrets: [first.secret] }, localAddress: '127.0.0.9' });
    expect(again.body).toEqual({ revoked: 0 });

    const audit = await request<{ items: { action: string; ip: string; reason?: string }[] }>(server.port, `/api/admin/audit-events?tokenId=${first.token.id}`, { headers: admin.auth });
    const row = audit.body.items.find((event) => event.action === 'token.revoked');
    expect(row).toMatchObject({ ip: '127.0.0.9' });
    expect(audit.text).not.toContain(first.secret.slice(8));
    const status = (await lookup(admin, [sha(first.secret)])).body.items[0];
    expect(status).toMatchObject({ status: 'revoked', revokedBecause: 'deleted' });
  });

  it('ends only the overlap when the leaked secret is a replaced one', async () => {
    const created = await createToken(server.port, admin, { name: 'Scanner found old', roleId: readOnlyRole });
    const rotated = await request<{ secret: string }>(server.port, `${TOKENS}/${created.token.id}/rotate-secret`, { headers: admin.auth, json: { overlapHours: 1 } });
    const reply = await request<{ revoked: number }>(server.port, REVOKE, { json: { secrets: [created.secret] }, localAddress: '127.0.0.10' });
    expect(reply.body).toEqual({ revoked: 1 });
    expect((await verify(created.secret)).status).toBe(401);
    expect((await verify(rotated.body.secret)).status).toBe(200);
  });

  it('is rate limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await request(server.port, REVOKE, { json: { secrets: [formatSecret('C'.repeat(32))] }, localAddress: '127.0.0.11' })).status);
    }
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });
});
