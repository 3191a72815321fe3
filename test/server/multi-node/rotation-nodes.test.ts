import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL, createPgDatabase, createToken, login, request, roleId, startServer, type Session, type Started } from '../harness';

// Two API nodes in this process, one PostgreSQL database, each with its own access cache: a
// rotation or an overlap ended through one node is enforced by the other on its next request.

const TOKENS = '/api/admin/identification-tokens';
let a: Started;
let b: Started;
let admin: Session;

beforeAll(async () => {
  if (!PG_ADMIN_URL) throw new Error('The multi-node suite runs in the server-pg project only.');
  const databaseUrl = await createPgDatabase(PG_ADMIN_URL, 'rotation');
  a = await startServer({ dbPath: databaseUrl, demo: true });
  b = await startServer({ dbPath: databaseUrl });
  admin = await login(a.port);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const verifyOn = (node: Started, secret: string) => request(node.port, '/api/public/tokens/verify', { headers: { authorization: secret } });

describe('rotation across nodes', () => {
  it('accepts both secrets on the other node during the overlap and refuses the old one there once it is ended', async () => {
    const created = await createToken(a.port, admin, { name: 'Rotated across nodes', roleId: await roleId(a.port, admin, 'Read-only Clients') });
    // Node B caches the token under its first secret.
    expect((await verifyOn(b, created.secret)).status).toBe(200);
    const rotated = await request<{ token: { version: number }; secret: string }>(a.port, `${TOKENS}/${created.token.id}/rotate-secret`, {
      headers: admin.auth,
      json: { overlapHours: 1 },
    });
    expect(rotated.status).toBe(200);
    expect((await verifyOn(b, created.secret)).status).toBe(200);
    expect((await verifyOn(b, rotated.body.secret)).status).toBe(200);

    const ended = await request(a.port, `${TOKENS}/${created.token.id}/end-overlap`, {
      method: 'POST',
      headers: { ...admin.auth, 'if-match': `"${rotated.body.token.version}"` },
    });
    expect(ended.status).toBe(200);
    expect((await verifyOn(b, created.secret)).status).toBe(401);
    expect((await verifyOn(b, rotated.body.secret)).status).toBe(200);
  });
});
