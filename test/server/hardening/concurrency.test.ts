import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, login, request, roleId, startServer, type ErrorReply, type Session, type Started, type TokenReply } from '../harness';

const TOKENS = '/api/admin/identification-tokens';
let server: Started;
let admin: Session;
let role = 0;

beforeAll(async () => {
  server = await startServer({ demo: true });
  admin = await login(server.port);
  role = await roleId(server.port, admin, 'Read-only Clients');
});
afterAll(async () => {
  await server.close();
});

async function auditActions(tokenId: number): Promise<string[]> {
  const reply = await request<{ items: { action: string }[] }>(server.port, `/api/admin/audit-events?tokenId=${tokenId}`, { headers: admin.auth });
  return reply.body.items.map((event) => event.action);
}

describe('concurrent writers', () => {
  it('lets exactly one of 50 concurrent PATCHes with the same If-Match win; the rest get 412', async () => {
    const { token } = await createToken(server.port, admin, { name: 'RaceTarget', roleId: role });
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request<TokenReply | ErrorReply>(server.port, `${TOKENS}/${token.id}`, {
          method: 'PATCH',
          headers: { ...admin.auth, 'if-match': `"${token.version}"` },
          json: { name: `RaceWinner-${i}`, whitelist: [`10.0.0.${i + 1}`] },
        }),
      ),
    );
    const won = replies.filter((reply) => reply.status === 200);
    const lost = replies.filter((reply) => reply.status === 412);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const reply of lost) expect((reply.body as ErrorReply).code).toBe('version_mismatch');

    const winner = won[0]?.body as TokenReply;
    const stored = await request<TokenReply>(server.port, `${TOKENS}/${token.id}`, { headers: admin.auth });
    // The stored token is the winner's edit, whole: its name and its whitelist, one version on.
    expect(stored.body).toMatchObject({ name: winner.name, whitelist: winner.whitelist, version: token.version + 1 });
    const index = Number(winner.name.split('-')[1]);
    expect(stored.body.whitelist).toEqual([`10.0.0.${index + 1}`]);
    expect(stored.headers.etag).toBe(`"${token.version + 1}"`);
    expect(await auditActions(token.id)).toEqual(['token.updated', 'token.created']);
  });

  it('creates one token out of 20 concurrent creates with the same name (ignoring case); the rest get 409', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: i % 2 ? 'SameName' : 'SAMENAME', roleId: role } }),
      ),
    );
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    const conflicts = replies.filter((reply) => reply.status === 409);
    expect(conflicts).toHaveLength(19);
    for (const reply of conflicts) expect(reply.body.code).toBe('name_taken');
    const list = await request<{ total: number }>(server.port, `${TOKENS}?search=samename`, { headers: admin.auth });
    expect(list.body.total).toBe(1);
  });
});
