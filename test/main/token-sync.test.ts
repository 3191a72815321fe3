import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WifoxClient } from '../../main/api/wifox-client';
import { InventoryService } from '../../main/inventory/inventory-service';
import { openStore } from '../../server/src/db/open-store';
import type { RoleItem } from '../../shared/api/roles';
import type { CreateTokenResponse, IdentificationToken } from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';
import type { SignedInState } from '../../shared/ipc/schemas';
import { buildConsole, type TestConsole } from './support/console';
import { ADMIN, startReferenceServer, type ReferenceServer } from './support/reference-server';
import { expectOk, signIn } from './support/sign-in';

const DAY_MS = 86_400_000;
let server: ReferenceServer;
let userDataDir: string;
let first: TestConsole;
let profileId: string;

// A console started again on the same profile and user data: what a relaunch sees, once the
// console before it has quit (and so written its offline copy).
let running: TestConsole | null = null;
async function relaunch(): Promise<TestConsole> {
  await running?.services.dispose();
  const next = buildConsole({ store: first.store, userDataDir });
  running = next;
  const state = expectOk<SignedInState>(await next.call('session.signIn', { profileId, password: ADMIN.password }));
  expect(state.profile.id).toBe(profileId);
  return next;
}

const listQueries = () => vi.spyOn(WifoxClient.prototype, 'listTokens');

// The offline copy and its cursor are written after the answer (and not at all when a sync
// found nothing new): waits until the copy on disk holds this load's tokens.
async function saved(load: TokenListResult): Promise<TokenListResult> {
  const cursorFile = first.services.inventory.cache.pathFor(profileId).replace(/\.json$/, '.cursor.json');
  const versions = (tokens: readonly IdentificationToken[]) => tokens.map((token) => `${token.id}:${token.version}`).sort();
  await vi.waitFor(async () => {
    expect(existsSync(cursorFile)).toBe(true);
    const { takenAt } = JSON.parse(readFileSync(cursorFile, 'utf8')) as { takenAt: string };
    const copy = await new InventoryService({ userDataDir }).cached(profileId);
    expect(copy?.takenAt).toBe(takenAt);
    expect(versions(copy?.tokens ?? [])).toEqual(versions(load.items));
  });
  return load;
}

beforeAll(async () => {
  server = await startReferenceServer({ demo: true });
  userDataDir = mkdtempSync(join(tmpdir(), 'wifox-sync-'));
  first = buildConsole({ userDataDir });
  profileId = (await signIn(first, server.url)).profile.id;
  await saved(expectOk<TokenListResult>(await first.call('tokens.list')));
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('token list sync', () => {
  it('starts a relaunch from the saved copy and applies exactly the changes made behind it', async () => {
    const current = await relaunch();
    const roles = expectOk<RoleItem[]>(await current.call('roles.list'));
    const before = (await saved(expectOk<TokenListResult>(await current.call('tokens.list')))).items;
    const [edited, doomed] = before;
    if (!edited || !doomed) throw new Error('the demo has tokens');
    const changedRole = before.find((token) => token.roleId !== edited.roleId && token.roleId !== doomed.roleId);
    if (!changedRole) throw new Error('the demo has several roles');

    // Behind the console: another console creates, edits and deletes; a role changes in the database.
    const other = buildConsole();
    await signIn(other, server.url);
    const created = expectOk<CreateTokenResponse>(await other.call('tokens.create', { name: 'Made elsewhere', roleId: roles[roles.length - 1]?.id })).token;
    expectOk(await other.call('tokens.update', { id: edited.id, version: edited.version, changes: { whitelist: ['198.51.100.7'] } }));
    expectOk(await other.call('tokens.delete', { id: doomed.id }));
    const store = await openStore(server.dbPath);
    try {
      await store.db.updateTable('roles').set({ name: 'Renamed behind the console' }).where('id', '=', changedRole.roleId).execute();
    } finally {
      await store.close();
    }

    const spy = listQueries();
    const relaunched = await relaunch();
    const synced = expectOk<TokenListResult>(await relaunched.call('tokens.list')).items;
    // Only what changed travelled.
    expect(spy.mock.calls.map(([query]) => query.changedSince !== undefined)).toEqual([true]);
    const byId = new Map(synced.map((token) => [token.id, token]));
    expect(byId.has(doomed.id)).toBe(false);
    expect(byId.get(created.id)?.name).toBe('Made elsewhere');
    expect(byId.get(edited.id)?.whitelist).toEqual(['198.51.100.7']);
    for (const token of synced.filter((item) => item.roleId === changedRole.roleId)) expect(token.roleName).toBe('Renamed behind the console');
    // And the result is exactly what a full load lists.
    const full = expectOk<TokenListResult>(await relaunched.call('tokens.list', { full: true })).items;
    expect(spy.mock.calls.at(-1)?.[0].changedSince).toBeUndefined();
    const comparable = (items: IdentificationToken[]) => [...items].sort((a, b) => a.id - b.id).map(({ status: _status, ...rest }) => rest);
    expect(comparable(synced)).toEqual(comparable(full));
  });

  it('answers a sync that finds nothing new with the tokens it had, and leaves the offline copy as it is', async () => {
    const current = await relaunch();
    const loaded = await saved(expectOk<TokenListResult>(await current.call('tokens.list')));
    const writes = vi.spyOn(current.services.inventory.cache, 'write');
    const spy = listQueries();
    const again = expectOk<TokenListResult>(await current.call('tokens.list'));
    expect(spy.mock.calls.map(([query]) => query.changedSince !== undefined)).toEqual([true]);
    expect(again.items).toEqual(loaded.items);
    expect(again.fetchedAt >= loaded.fetchedAt).toBe(true);
    // The next change is saved, and it is the only write: the unchanged sync wrote nothing.
    const roles = expectOk<RoleItem[]>(await current.call('roles.list'));
    expectOk(await current.call('tokens.create', { name: `Made after a quiet sync ${Date.now()}`, roleId: roles[roles.length - 1]?.id }));
    await saved(expectOk<TokenListResult>(await current.call('tokens.list')));
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it('sends a window holding a list only what changed since, and the whole list when it cannot tell', async () => {
    const current = await relaunch();
    const held = expectOk<TokenListResult>(await current.call('tokens.list'));
    if (held.listVersion === undefined) throw new Error('a complete list names its version');
    const quiet = expectOk<TokenListResult>(await current.call('tokens.list', { since: held.listVersion }));
    expect(quiet).toMatchObject({ items: [], delta: { removedIds: [] }, total: held.total });

    const [edited, doomed] = held.items;
    if (!edited || !doomed) throw new Error('the demo has tokens');
    const other = buildConsole();
    await signIn(other, server.url);
    const roles = expectOk<RoleItem[]>(await other.call('roles.list'));
    const created = expectOk<CreateTokenResponse>(await other.call('tokens.create', { name: `Made behind a window ${Date.now()}`, roleId: roles[roles.length - 1]?.id })).token;
    expectOk(await other.call('tokens.update', { id: edited.id, version: edited.version, changes: { whitelist: ['198.51.100.9'] } }));
    expectOk(await other.call('tokens.delete', { id: doomed.id }));

    const delta = expectOk<TokenListResult>(await current.call('tokens.list', { since: held.listVersion }));
    expect(delta.items.map((token) => token.id).sort()).toEqual([created.id, edited.id].sort());
    expect(delta.items.find((token) => token.id === edited.id)?.whitelist).toEqual(['198.51.100.9']);
    expect(delta.delta).toEqual({ removedIds: [doomed.id] });
    expect(delta.total).toBe(held.total);
    // From the version after it: nothing more.
    expect(expectOk<TokenListResult>(await current.call('tokens.list', { since: delta.listVersion })).items).toEqual([]);
    // A version of another list (another window's series, a full load since): the whole list.
    const whole = expectOk<TokenListResult>(await current.call('tokens.list', { since: 'another-series.3' }));
    expect(whole.delta).toBeUndefined();
    expect(whole.items).toHaveLength(delta.total);
  });

  it('lists everything again when the server no longer accepts the cursor', async () => {
    const relaunched = await relaunch();
    const victim = (await saved(expectOk<TokenListResult>(await relaunched.call('tokens.list')))).items.at(-1);
    if (!victim) throw new Error('no token');
    expectOk(await relaunched.call('tokens.delete', { id: victim.id }));
    // Deletions older than 30 days are forgotten: the console's cursor expires.
    server.advance(31 * DAY_MS);
    const again = await relaunch();
    const spy = listQueries();
    const listed = expectOk<TokenListResult>(await again.call('tokens.list')).items;
    expect(spy.mock.calls[0]?.[0].changedSince).toBeDefined();
    expect(spy.mock.calls.some(([query]) => query.changedSince === undefined)).toBe(true);
    expect(listed.some((token) => token.id === victim.id)).toBe(false);
  });
});
