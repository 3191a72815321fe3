import { afterAll, describe, expect, it, vi } from 'vitest';
import { tokenListResponseSchema } from '../../../shared/api';
import { PG_ADMIN_URL, createPgDatabase, login, request, roleId, type ErrorReply, type Session, type TokenReply } from '../harness';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { PROCESS_ADMIN, startNodes, type Nodes } from './nodes';

const TOKENS = '/api/admin/identification-tokens';
const VERIFY = '/api/public/tokens/verify';

const running: Nodes[] = [];
let ownCluster: PgCluster | undefined;
afterAll(async () => {
  await Promise.all(running.map((nodes) => nodes.stop()));
  ownCluster?.stop();
});

function adminUrl(): string {
  if (!PG_ADMIN_URL) throw new Error('The multi-node suite runs in the server-pg project only.');
  return PG_ADMIN_URL;
}

async function create(port: number, admin: Session, role: number, name: string): Promise<{ status: number; body: { token: TokenReply; secret: string } }> {
  return request<{ token: TokenReply; secret: string }>(port, TOKENS, { headers: admin.auth, json: { name, roleId: role, whitelist: ['127.0.0.1'] } });
}

describe('a node killed with SIGKILL mid-burst', () => {
  it('loses no write it acknowledged: the surviving node serves every one', async () => {
    const nodes = await startNodes(await createPgDatabase(adminUrl(), 'sigkill'), 2);
    running.push(nodes);
    const [victim, survivor] = nodes.ports as [number, number];
    const admin = await login(victim, PROCESS_ADMIN);
    const role = await roleId(victim, admin, 'Administrator');

    const acked: { id: number; name: string; secret: string }[] = [];
    let killed = false;
    const worker = async (w: number): Promise<void> => {
      for (let n = 0; !killed; n++) {
        try {
          const reply = await create(victim, admin, role, `Burst-${w}-${n}`);
          if (reply.status === 201) acked.push({ id: reply.body.token.id, name: reply.body.token.name, secret: reply.body.secret });
        } catch {
          return; // the connection died with the process: not acknowledged
        }
        if (!killed && acked.length >= 30) {
          killed = true;
          nodes.nodes[0]?.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, w) => worker(w)));
    expect(await nodes.nodes[0]?.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const list = await request(survivor, `${TOKENS}?pageSize=200`, { headers: admin.auth });
    const stored = new Map(tokenListResponseSchema.parse(list.body).items.map((token) => [token.id, token.name]));
    for (const token of acked) {
      expect(stored.get(token.id)).toBe(token.name);
      expect((await request(survivor, VERIFY, { headers: { authorization: token.secret } })).status).toBe(200);
    }
  }, 120_000);
});

describe('PostgreSQL restarted under load', () => {
  it('answers 503 store_unavailable meanwhile, never a 500, and the nodes recover by themselves', async () => {
    ownCluster = await startPgCluster({ killedUnderTest: true });
    const cluster = ownCluster;
    const nodes = await startNodes(await createPgDatabase(cluster.url('postgres'), 'restart'), 2);
    running.push(nodes);
    const ports = nodes.ports as [number, number];
    const admin = await login(ports[0], PROCESS_ADMIN);
    const role = await roleId(ports[0], admin, 'Administrator');
    const { body } = await create(ports[0], admin, role, 'Survivor');
    const secret = body.secret;

    const replies: { status: number; text: string }[] = [];
    let load = true;
    const loop = async (port: number): Promise<void> => {
      while (load) {
        for (const path of [TOKENS, VERIFY]) {
          const headers = path === VERIFY ? { authorization: secret } : admin.auth;
          const reply = await request(port, path, { headers }).catch(() => null);
          if (reply) replies.push({ status: reply.status, text: reply.text });
        }
      }
    };
    const loops = [loop(ports[0]), loop(ports[1]), loop(ports[0]), loop(ports[1])];
    await vi.waitFor(() => expect(replies.length).toBeGreaterThan(20), { timeout: 20_000, interval: 50 });

    cluster.stopImmediate();
    const downFrom = replies.length;
    await vi.waitFor(() => expect(replies.slice(downFrom).filter((reply) => reply.status === 503).length).toBeGreaterThan(5), { timeout: 20_000, interval: 50 });
    cluster.start();
    // Both nodes serve again, with no restart of their own.
    await vi.waitFor(async () => {
      for (const port of ports) expect((await request(port, TOKENS, { headers: admin.auth })).status).toBe(200);
    }, { timeout: 30_000, interval: 200 });
    load = false;
    await Promise.all(loops);

    expect(new Set(replies.map((reply) => reply.status))).toEqual(new Set([200, 503]));
    for (const reply of replies.filter((r) => r.status === 503)) {
      const error = JSON.parse(reply.text) as ErrorReply;
      expect(error.code).toBe('store_unavailable');
      expect(reply.text).not.toMatch(/ at |Error:|postgres/i);
    }
    for (const node of nodes.nodes) expect(node.child.exitCode).toBeNull();

    // The notification connection is back too: a change through one node holds on the other.
    const token = await request<TokenReply>(ports[0], `${TOKENS}?search=Survivor`, { headers: admin.auth });
    const id = (token.body as unknown as { items: TokenReply[] }).items[0]?.id;
    await vi.waitFor(async () => {
      expect((await request(ports[1], VERIFY, { headers: { authorization: secret } })).status).toBe(200);
    }, { timeout: 10_000, interval: 200 });
    const patched = await request(ports[0], `${TOKENS}/${id}`, { method: 'PATCH', headers: admin.auth, json: { whitelist: ['192.0.2.1'] } });
    expect(patched.status).toBe(200);
    expect((await request<ErrorReply>(ports[1], VERIFY, { headers: { authorization: secret } })).body.code).toBe('ip_not_allowed');
  }, 180_000);
});
