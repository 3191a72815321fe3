import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PG_ADMIN_URL, addRole, createPgDatabase, createToken, login, request, roleId, type ErrorReply, type Session, type TokenReply } from '../harness';
import { PROCESS_ADMIN, startNodes, type Nodes } from './nodes';

// Three API processes, one PostgreSQL database: whatever one node changes, the others enforce
// on their very next request, and every "exactly one" holds across nodes.

const TOKENS = '/api/admin/identification-tokens';
const VERIFY = '/api/public/tokens/verify';
const CLIENTS = '/api/public/clients';

let cluster: Nodes;
let databaseUrl: string;
let ports: number[];
let admin: Session;
let readOnly: number;
let analytics: number;

function adminUrl(): string {
  if (!PG_ADMIN_URL) throw new Error('The multi-node suite runs in the server-pg project only.');
  return PG_ADMIN_URL;
}

const port = (i: number): number => ports[i % ports.length] as number;

beforeAll(async () => {
  databaseUrl = await createPgDatabase(adminUrl(), 'multinode');
  cluster = await startNodes(databaseUrl, 3);
  ports = cluster.ports;
  await addRole(databaseUrl, { name: 'Clients reader', type: 'employee', rank: 5, rights: { clients: { view: 'all', manage: [] } } });
  await addRole(databaseUrl, { name: 'Analytics reader', type: 'employee', rank: 5, rights: { analytics: { view: 'all', manage: [] } } });
  admin = await login(port(0), PROCESS_ADMIN);
  readOnly = await roleId(port(0), admin, 'Clients reader');
  analytics = await roleId(port(0), admin, 'Analytics reader');
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('several nodes, one database', () => {
  it('seeded the administrator once although the nodes started together', async () => {
    const reply = await request<{ items: { name: string }[] }>(port(2), '/api/admin/roles', { headers: admin.auth });
    expect(reply.body.items.filter((role) => role.name === 'Administrator')).toHaveLength(1);
  });

  it('enforces a change made through one node on the next request to another', async () => {
    const { token, secret } = await createToken(port(0), admin, { name: 'Roaming', roleId: readOnly, whitelist: ['127.0.0.0/8'] });
    const auth = { authorization: secret };
    // Every node caches the token.
    for (let i = 0; i < 3; i++) expect((await request(port(i), VERIFY, { headers: auth })).status).toBe(200);

    let version = token.version;
    const patch = async (via: number, body: Record<string, unknown>): Promise<void> => {
      const reply = await request<TokenReply>(port(via), `${TOKENS}/${token.id}`, {
        method: 'PATCH', headers: { ...admin.auth, 'if-match': `"${version}"` }, json: body,
      });
      expect(reply.status).toBe(200);
      version = reply.body.version;
    };

    await patch(0, { whitelist: ['192.0.2.0/24'] });
    expect((await request<ErrorReply>(port(1), VERIFY, { headers: auth })).body.code).toBe('ip_not_allowed');
    expect((await request<ErrorReply>(port(2), VERIFY, { headers: auth })).body.code).toBe('ip_not_allowed');

    await patch(1, { whitelist: ['127.0.0.1'] });
    expect((await request(port(2), VERIFY, { headers: auth })).status).toBe(200);
    expect((await request(port(0), VERIFY, { headers: auth })).status).toBe(200);

    await patch(2, { expiresOn: null });
    expect((await request(port(0), CLIENTS, { headers: auth })).status).toBe(200);

    const deleted = await request(port(2), `${TOKENS}/${token.id}`, { method: 'DELETE', headers: admin.auth });
    expect(deleted.status).toBe(204);
    expect((await request<ErrorReply>(port(0), VERIFY, { headers: auth })).status).toBe(401);
    expect((await request<ErrorReply>(port(1), VERIFY, { headers: auth })).status).toBe(401);
  });

  it('trusts no cached token while a node cannot hear the others, and hears them again after', async () => {
    const { token, secret } = await createToken(port(0), admin, { name: 'Unheard', roleId: readOnly, whitelist: ['127.0.0.1'] });
    const auth = { authorization: secret };
    for (let i = 0; i < 3; i++) expect((await request(port(i), VERIFY, { headers: auth })).status).toBe(200);
    // Cut every node's notification connection, as a network blip or a failover would.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const cut = async (): Promise<number> => (await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'wifox-api-listener' AND datname = current_database()",
    )).rowCount ?? 0;
    try {
      expect(await cut()).toBe(3);
      const patched = await request(port(0), `${TOKENS}/${token.id}`, { method: 'PATCH', headers: admin.auth, json: { whitelist: ['192.0.2.9'] } });
      expect(patched.status).toBe(200);
      for (let i = 1; i < 3; i++) expect((await request<ErrorReply>(port(i), VERIFY, { headers: auth })).body.code).toBe('ip_not_allowed');
      // The nodes reconnect by themselves and cache again, on notice.
      await vi.waitFor(async () => {
        const listeners = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'wifox-api-listener' AND datname = current_database()");
        expect(listeners.rows[0]?.n).toBe(3);
      }, { timeout: 10_000, interval: 100 });
    } finally {
      await client.end();
    }
    const back = await request(port(1), `${TOKENS}/${token.id}`, { method: 'PATCH', headers: admin.auth, json: { whitelist: ['127.0.0.1'] } });
    expect(back.status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await request(port(i), VERIFY, { headers: auth })).status).toBe(200);
    const again = await request(port(2), `${TOKENS}/${token.id}`, { method: 'PATCH', headers: admin.auth, json: { whitelist: ['192.0.2.10'] } });
    expect(again.status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await request<ErrorReply>(port(i), VERIFY, { headers: auth })).body.code).toBe('ip_not_allowed');
  });

  it('enforces a new role at once on every node', async () => {
    const { token, secret } = await createToken(port(1), admin, { name: 'Rerolled', roleId: readOnly });
    const auth = { authorization: secret };
    for (let i = 0; i < 3; i++) expect((await request(port(i), CLIENTS, { headers: auth })).status).toBe(200);
    const moved = await request(port(1), `${TOKENS}/${token.id}`, { method: 'PATCH', headers: admin.auth, json: { roleId: analytics } });
    expect(moved.status).toBe(200);
    expect((await request<ErrorReply>(port(0), CLIENTS, { headers: auth })).body.code).toBe('insufficient_rights');
    expect((await request<ErrorReply>(port(2), CLIENTS, { headers: auth })).body.code).toBe('insufficient_rights');
  });

  it('enforces an edit of a role at once on every node, and its reversal too', async () => {
    const created = await request<{ id: number }>(port(0), '/api/admin/roles', {
      headers: admin.auth, json: { name: 'Edited everywhere', type: 'employee', rank: 6, rights: { clients: { view: 'all', manage: [] } } },
    });
    expect(created.status).toBe(201);
    const { secret } = await createToken(port(0), admin, { name: 'Role edited', roleId: created.body.id });
    const auth = { authorization: secret };
    for (let i = 0; i < 3; i++) expect((await request(port(i), CLIENTS, { headers: auth })).status).toBe(200);
    const edit = (via: number, version: number, rights: Record<string, unknown>) =>
      request(port(via), `/api/admin/roles/${created.body.id}`, { method: 'PATCH', headers: { ...admin.auth, 'if-match': `"${version}"` }, json: { rights } });
    expect((await edit(1, 1, { logs: { view: 'all', manage: [] } })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await request<ErrorReply>(port(i), CLIENTS, { headers: auth })).body.code).toBe('insufficient_rights');
    expect((await edit(2, 2, { clients: { view: 'own', manage: [] } })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await request(port(i), CLIENTS, { headers: auth })).status).toBe(200);
  });

  it('counts sign-in failures across nodes: 3 on any mix lock the email everywhere', async () => {
    // An email of its own, so the administrator used by the other tests stays unlocked.
    const email = 'locked.everywhere@example.test';
    const signIn = (i: number, password: string) => request<ErrorReply>(port(i), '/api/admin/auth/login', { json: { email, password } });
    // Concurrently, one failure per node: all three count.
    const failures = await Promise.all([0, 1, 2].map((i) => signIn(i, `wrong-${i}`)));
    expect(failures.map((reply) => reply.status)).toEqual([401, 401, 401]);
    for (let i = 0; i < 3; i++) {
      const locked = await signIn(i, 'any password');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(55);
    }
  });

  it('counts refusals across nodes: an address over the limit is refused 429 on every node', async () => {
    const { secret } = await createToken(port(0), admin, { name: 'LimiterVictim', roleId: readOnly, whitelist: ['127.0.0.0/8'] });
    const from = '127.0.0.77';
    const forged = async (i: number) => request<ErrorReply>(port(i), VERIFY, { headers: { authorization: 'wfx_not-a-real-secret' }, localAddress: from });
    // The default limit is 20 refusals a minute per address; these 20 land on three nodes.
    const refusals = await Promise.all(Array.from({ length: 20 }, (_, n) => forged(n)));
    expect(refusals.map((reply) => reply.status)).toEqual(Array(20).fill(401));
    // Now every node refuses that address, even with a valid token.
    for (let i = 0; i < 3; i++) {
      const blocked = await request<ErrorReply>(port(i), VERIFY, { headers: { authorization: secret }, localAddress: from });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('rate_limited');
    }
    // Another address is not affected.
    expect((await request(port(1), VERIFY, { headers: { authorization: secret }, localAddress: '127.0.0.78' })).status).toBe(200);
  });

  it('ends the session exactly once when one refresh token is presented on two nodes at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const session = await login(port(round), PROCESS_ADMIN);
      const replies = await Promise.all([1, 2].map((i) =>
        request<{ accessToken: string; refreshToken: string } & ErrorReply>(port(round + i), '/api/admin/auth/refresh', { json: { refreshToken: session.refreshToken } })));
      const statuses = replies.map((reply) => reply.status).sort();
      expect(statuses).toEqual([200, 401]);
      expect(replies.find((reply) => reply.status === 401)?.body.code).toBe('refresh_token_reused');
      // The pair the winner got died with the session: no valid pair is left anywhere.
      const winner = replies.find((reply) => reply.status === 200)?.body;
      for (let i = 0; i < 3; i++) {
        expect((await request(port(i), '/api/admin/roles', { headers: { authorization: `Bearer ${winner?.accessToken ?? ''}` } })).status).toBe(401);
        expect((await request(port(i), '/api/admin/roles', { headers: session.auth })).status).toBe(401);
      }
      expect((await request(port(round), '/api/admin/auth/refresh', { json: { refreshToken: winner?.refreshToken ?? '' } })).status).toBe(401);
    }
  });

  it('lets exactly one of 50 concurrent edits of one version win across the nodes; the rest get 412', async () => {
    const { token } = await createToken(port(0), admin, { name: 'Contended', roleId: readOnly });
    const replies = await Promise.all(Array.from({ length: 50 }, (_, n) =>
      request<TokenReply>(port(n), `${TOKENS}/${token.id}`, {
        method: 'PATCH', headers: { ...admin.auth, 'if-match': `"${token.version}"` }, json: { whitelist: [`10.0.${n}.0/24`] },
      })));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(49);
    const winner = replies.find((reply) => reply.status === 200)?.body;
    const stored = await request<TokenReply>(port(2), `${TOKENS}/${token.id}`, { headers: admin.auth });
    expect(stored.body.version).toBe(token.version + 1);
    expect(stored.body.whitelist).toEqual(winner?.whitelist);
  });

  it('creates one of two names differing only in case, sent to two nodes at once: 201 and 409', async () => {
    for (let round = 0; round < 5; round++) {
      const replies = await Promise.all([`Twin Name ${round}`, `tWIN nAME ${round}`].map((name, i) =>
        request<ErrorReply>(port(round + i), TOKENS, { headers: admin.auth, json: { name, roleId: readOnly } })));
      expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
      expect(replies.find((reply) => reply.status === 409)?.body.code).toBe('name_taken');
    }
  });

  it('writes lastUsedAt once a minute whichever nodes record the token, and loses or doubles no audit row', async () => {
    const { token, secret } = await createToken(port(0), admin, { name: 'Busy', roleId: readOnly, whitelist: ['127.0.0.1'] });
    expect((await request(port(0), VERIFY, { headers: { authorization: secret } })).status).toBe(200);
    const first = await request<TokenReply>(port(1), `${TOKENS}/${token.id}`, { headers: admin.auth });
    expect(first.body.lastUsedAt).not.toBeNull();
    for (let i = 0; i < 9; i++) expect((await request(port(i), VERIFY, { headers: { authorization: secret } })).status).toBe(200);
    // The other nodes found a use less than a minute old in the store and wrote nothing.
    const later = await request<TokenReply>(port(2), `${TOKENS}/${token.id}`, { headers: admin.auth });
    expect(later.body.lastUsedAt).toBe(first.body.lastUsedAt);

    // 30 refusals of this token (addresses outside its whitelist), batched per node.
    const addresses = Array.from({ length: 6 }, (_, i) => `127.0.0.${40 + i}`);
    const refused = await Promise.all(Array.from({ length: 30 }, (_, n) =>
      request(port(n), VERIFY, { headers: { authorization: secret }, localAddress: addresses[n % addresses.length] })));
    expect(refused.every((reply) => reply.status === 403)).toBe(true);
    const denials = async (): Promise<number> => {
      const reply = await request<{ items: { action: string }[] }>(port(0), `/api/admin/audit-events?tokenId=${token.id}&limit=200`, { headers: admin.auth });
      return reply.body.items.filter((event) => event.action === 'token.denied').length;
    };
    await vi.waitFor(async () => expect(await denials()).toBe(30), { timeout: 10_000, interval: 100 });
    // Every node has flushed by now (each flushes before answering a read): still 30.
    for (let i = 0; i < 3; i++) {
      const reply = await request<{ items: { action: string }[] }>(port(i), `/api/admin/audit-events?tokenId=${token.id}&limit=200`, { headers: admin.auth });
      expect(reply.body.items.filter((event) => event.action === 'token.denied')).toHaveLength(30);
    }
  });
});
