import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WifoxClient } from '../../../main/api/wifox-client';
import { BULK_CONCURRENCY } from '../../../main/services/bulk-service';
import type { RoleItem } from '../../../shared/api/roles';
import type { CreateTokenResponse, IdentificationToken } from '../../../shared/api/tokens';
import { addDays, todayIn } from '../../../shared/domain';
import type { BulkResult } from '../../../shared/ipc/bulk-contract';
import type { TokenListResult } from '../../../shared/ipc/contract';
import { callPublicApi } from '../../e2e/support/public-api';
import { buildConsole, type TestConsole } from '../support/console';
import { startReferenceServer, type ReferenceServer } from '../support/reference-server';
import { expectOk, signIn } from '../support/sign-in';

let server: ReferenceServer;
let console: TestConsole;
let roles: RoleItem[];

beforeAll(async () => {
  // The demo organisation has several roles to move tokens between.
  server = await startReferenceServer({ demo: true });
  console = buildConsole();
  await signIn(console, server.url);
  roles = expectOk<RoleItem[]>(await console.call('roles.list'));
});
afterAll(async () => {
  await server.close();
});

const create = async (name: string, expiresOn: string | null = null): Promise<CreateTokenResponse> =>
  expectOk<CreateTokenResponse>(await console.call('tokens.create', { name, roleId: roles[0]!.id, expiresOn }));
const item = (token: IdentificationToken) => ({ id: token.id, version: token.version, expiresOn: token.expiresOn });
const listed = async (): Promise<Map<number, IdentificationToken>> =>
  new Map(expectOk<TokenListResult>(await console.call('tokens.list')).items.map((token) => [token.id, token]));

describe('bulk actions', () => {
  it('deletes each token with its own version, a few at a time: one changed behind is kept and reported, one gone is reported, the others are gone and their secrets refused', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => create(`Bulk delete ${i}`)));
    const [changed, gone, ...rest] = made;
    expectOk(await console.call('tokens.update', { id: changed!.token.id, version: 1, changes: { expiresOn: '2099-01-01' } }));
    expectOk(await console.call('tokens.delete', { id: gone!.token.id }));

    let inFlight = 0;
    let most = 0;
    const original = WifoxClient.prototype.deleteToken;
    const spy = vi.spyOn(WifoxClient.prototype, 'deleteToken').mockImplementation(async function (this: WifoxClient, id, version) {
      most = Math.max(most, ++inFlight);
      try {
        return await original.call(this, id, version);
      } finally {
        inFlight--;
      }
    });
    const { results } = expectOk<BulkResult>(await console.call('tokens.bulk', { action: { kind: 'delete' }, items: made.map((m) => item(m.token)) }));
    spy.mockRestore();

    expect(console.events.filter((e) => e.event === 'tokens.bulkProgress').at(-1)).toEqual({ event: 'tokens.bulkProgress', payload: { done: 8, total: 8 } });
    expect(most).toBeLessThanOrEqual(BULK_CONCURRENCY);
    expect(most).toBeGreaterThan(1);
    expect(results).toHaveLength(8);
    expect(results.find((r) => r.id === changed!.token.id)).toMatchObject({ outcome: 'precondition_failed', message: expect.stringContaining('someone changed this token') });
    expect(results.find((r) => r.id === gone!.token.id)).toMatchObject({ outcome: 'not_found', message: 'This token no longer exists: someone may have deleted it.' });
    expect(results.filter((r) => r.outcome === 'ok').map((r) => r.id).sort()).toEqual(rest.map((m) => m.token.id).sort());

    const after = await listed();
    expect(after.has(changed!.token.id)).toBe(true);
    for (const m of rest) expect(after.has(m.token.id)).toBe(false);
    expect((await callPublicApi(server.url, '/api/public/tokens/verify', rest[0]!.secret)).status).toBe(401);
    expect((await callPublicApi(server.url, '/api/public/tokens/verify', changed!.secret)).status).not.toBe(401);
  });

  it('extends each expiry from its own date (from today when it has none or it has passed), sets one date, and moves tokens to another role', async () => {
    const today = todayIn('UTC', new Date());
    const dated = (await create('Bulk dated', addDays(today, 10))).token;
    const open = (await create('Bulk open')).token;
    const { results } = expectOk<BulkResult>(await console.call('tokens.bulk', { action: { kind: 'extendExpiry', days: 30 }, items: [item(dated), item(open)] }));
    expect(results.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    let now = await listed();
    expect(now.get(dated.id)!.expiresOn).toBe(addDays(today, 40));
    expect(now.get(open.id)!.expiresOn).toBe(addDays(today, 30));

    const target = roles.find((role) => role.id !== dated.roleId)!;
    const moved = expectOk<BulkResult>(
      await console.call('tokens.bulk', { action: { kind: 'moveRole', roleId: target.id }, items: [item(now.get(dated.id)!), item(now.get(open.id)!)] }),
    );
    expect(moved.results.map((r) => r.outcome)).toEqual(['ok', 'ok']);
    now = await listed();
    expect([now.get(dated.id)!.roleName, now.get(open.id)!.roleName]).toEqual([target.name, target.name]);

    // A stale version (the one before the move) is refused for each token on its own.
    const stale = expectOk<BulkResult>(await console.call('tokens.bulk', { action: { kind: 'setExpiry', expiresOn: addDays(today, 5) }, items: [item(dated), item(now.get(open.id)!)] }));
    expect(stale.results.map((r) => r.outcome)).toEqual(['precondition_failed', 'ok']);
    expect((await listed()).get(open.id)!.expiresOn).toBe(addDays(today, 5));
  });
});
