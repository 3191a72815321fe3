import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiryEnd, reachableModuleNames, type RoleRights } from '../../shared/domain';
import { openStore } from '../../server/src/db/open-store';
import type { Store } from '../../server/src/db/store';
import { AccessCache } from '../../server/src/tokens/access-cache';
import { sha256 } from '../../server/src/tokens/secrets';
import { newStoreLocation, tempDir } from './harness';

// The access path's memory of tokens and roles, against a real store: what it answers, that an
// answer never outlives an invalidation, and when a replaced secret stops working (issue 20:
// every answer here is an access decision).
const ZONE = 'Europe/Paris';
const NOW = new Date('2030-06-15T08:00:00.000Z');
const CLIENTS: RoleRights = { clients: { view: 'all', manage: [] } };
const ANALYTICS: RoleRights = { analytics: { view: 'all', manage: [] } };

let store: Store;
let removeDir: () => void;
let employee: number;
let readers: number;
let others: number;
let serial = 0;

beforeAll(async () => {
  const temp = tempDir('wifox-access-cache-');
  removeDir = temp.remove;
  store = await openStore(await newStoreLocation(temp.dir));
  employee = (await store.repos.employees.insert({ name: 'Cache Admin', email: 'cache@example.test', passwordHash: 'x' }, NOW)).id;
  readers = (await store.repos.roles.insert({ name: 'Cache readers', type: 'affiliate', rank: 5, rights: CLIENTS }, NOW)).id;
  others = (await store.repos.roles.insert({ name: 'Cache others', type: 'affiliate', rank: 5, rights: CLIENTS }, NOW)).id;
});
afterAll(async () => {
  await store.close();
  removeDir();
});

async function addToken(options: { roleId?: number; whitelist?: string[]; expiresOn?: string | null } = {}) {
  serial += 1;
  const name = `cached-${serial}`;
  const hash = sha256(`secret ${serial}`);
  const id = await store.repos.tokens.insert(
    { name, nameKey: name, roleId: options.roleId ?? readers, whitelist: options.whitelist ?? ['10.0.0.1'], expiresOn: options.expiresOn ?? null, secretHash: hash, secretHint: `hint${serial}`, createdBy: employee },
    NOW,
  );
  return { id, name, hash };
}

const newCache = (maxTokens?: number) => new AccessCache(store.repos.tokens, store.repos.roles, ZONE, maxTokens);
/** Which of two test addresses the cached whitelist lets in: tells an old entry from a new one. */
const allowed = async (cache: AccessCache, hash: Buffer, now = NOW) => {
  const entry = await cache.token(hash, now);
  return entry === null ? null : ['10.0.0.1', '10.0.0.2'].filter((address) => entry.whitelist.matches(address));
};
const moveWhitelist = async (id: number, version: number) => {
  expect(await store.repos.tokens.update(id, version, { whitelist: ['10.0.0.2'] }, NOW)).toBe(true);
};

describe('the access cache', () => {
  it('hears the changes committed before a request before it answers from memory', async () => {
    const { id, hash } = await addToken();
    // The other nodes' notices: heard only when the store says it has caught up.
    const notices: number[] = [];
    const cache = new AccessCache(store.repos.tokens, store.repos.roles, ZONE, undefined, async () => {
      for (const noticed of notices.splice(0)) cache.invalidateToken(noticed);
    });
    expect(await allowed(cache, hash)).toEqual(['10.0.0.1']);
    await moveWhitelist(id, 1);
    notices.push(id);
    expect(await allowed(cache, hash)).toEqual(['10.0.0.2']);
  });

  it('answers a known secret with its token and role, and an unknown one with null', async () => {
    const cache = newCache();
    const { id, name, hash } = await addToken({ expiresOn: '2030-06-30' });
    expect(await cache.token(hash, NOW)).toMatchObject({
      id, name, roleId: readers, expiresOn: '2030-06-30', expiresAt: expiryEnd('2030-06-30', ZONE).toISOString(),
      secret: 'current', secretHint: `hint${serial}`, validUntil: null, overlapUntil: null,
    });
    expect(await allowed(cache, hash)).toEqual(['10.0.0.1']);
    expect((await cache.token((await addToken()).hash, NOW))?.expiresAt).toBeNull();
    expect(await cache.token(sha256('nobody holds this'), NOW)).toBeNull();
    expect(await cache.role(readers)).toEqual({ id: readers, name: 'Cache readers', rights: CLIENTS, permissions: reachableModuleNames(CLIENTS) });
    expect(await cache.role(999_999)).toBeNull();
  });

  it('keeps answering from memory until the token or its role is invalidated', async () => {
    const cache = newCache();
    const mine = await addToken();
    const other = await addToken({ roleId: others });
    expect(await allowed(cache, mine.hash)).toEqual(['10.0.0.1']);
    expect(await allowed(cache, other.hash)).toEqual(['10.0.0.1']);
    await moveWhitelist(mine.id, 1);
    await moveWhitelist(other.id, 1);
    expect(await allowed(cache, mine.hash)).toEqual(['10.0.0.1']);
    cache.invalidateToken(mine.id);
    expect(await allowed(cache, mine.hash)).toEqual(['10.0.0.2']);
    expect(await allowed(cache, other.hash)).toEqual(['10.0.0.1']);

    expect((await cache.role(others))?.rights).toEqual(CLIENTS);
    expect(await store.repos.roles.update(others, 1, { rights: ANALYTICS })).toBe(true);
    expect((await cache.role(others))?.rights).toEqual(CLIENTS);
    cache.invalidateRole(readers);
    expect(await allowed(cache, other.hash)).toEqual(['10.0.0.1']);
    cache.invalidateRole(others);
    expect((await cache.role(others))?.rights).toEqual(ANALYTICS);
    expect(await allowed(cache, other.hash)).toEqual(['10.0.0.2']);
  });

  it('keeps nothing read across an invalidation, or while changes cannot be heard', async () => {
    const cache = newCache();
    const racing = await addToken();
    const pending = cache.token(racing.hash, NOW);
    const pendingRole = cache.role(readers);
    cache.invalidateToken(-1);
    expect(await pending).not.toBeNull();
    expect(await pendingRole).not.toBeNull();
    await moveWhitelist(racing.id, 1);
    expect(await allowed(cache, racing.hash)).toEqual(['10.0.0.2']);
    expect(await store.repos.roles.update(readers, 1, { rights: ANALYTICS })).toBe(true);
    expect((await cache.role(readers))?.rights).toEqual(ANALYTICS);

    const muted = await addToken();
    cache.suspend();
    expect(await allowed(cache, muted.hash)).toEqual(['10.0.0.1']);
    expect((await cache.role(readers))?.rights).toEqual(ANALYTICS);
    await moveWhitelist(muted.id, 1);
    expect(await store.repos.roles.update(readers, 2, { rights: CLIENTS })).toBe(true);
    expect(await allowed(cache, muted.hash)).toEqual(['10.0.0.2']);
    expect((await cache.role(readers))?.rights).toEqual(CLIENTS);
    cache.resume();
    expect(await allowed(cache, muted.hash)).toEqual(['10.0.0.2']);
    await store.repos.tokens.update(muted.id, 2, { whitelist: ['10.0.0.1'] }, NOW);
    expect(await allowed(cache, muted.hash)).toEqual(['10.0.0.2']);
  });

  it('forgets the oldest token once it holds its maximum, and only that one', async () => {
    const cache = newCache(2);
    const [first, second, third] = [await addToken(), await addToken(), await addToken()];
    for (const { hash } of [first, second]) expect(await allowed(cache, hash)).toEqual(['10.0.0.1']);
    for (const { id } of [first, second]) await moveWhitelist(id, 1);
    expect(await allowed(cache, third.hash)).toEqual(['10.0.0.1']);
    expect(await allowed(cache, second.hash)).toEqual(['10.0.0.1']);
    expect(await allowed(cache, first.hash)).toEqual(['10.0.0.2']);
    expect(await allowed(cache, second.hash)).toEqual(['10.0.0.2']);
  });

  it('accepts a replaced secret until the instant its overlap ends, and forgets both secrets together', async () => {
    const cache = newCache();
    const { id, hash: old } = await addToken();
    const fresh = sha256(`rotated ${id}`);
    const end = new Date(NOW.getTime() + 60_000);
    expect(await store.repos.tokens.rotate(id, 1, { hash: fresh, hint: 'newhint1' }, { hash: old, hint: 'oldhint1', validUntil: end.toISOString() }, NOW)).toBe(true);
    const before = new Date(end.getTime() - 1);
    expect(await cache.token(old, before)).toMatchObject({ id, secret: 'previous', secretHint: 'oldhint1', validUntil: end.getTime(), overlapUntil: end.getTime() });
    expect(await cache.token(fresh, before)).toMatchObject({ id, secret: 'current', secretHint: 'newhint1', validUntil: null, overlapUntil: end.getTime() });
    expect(await cache.token(old, end)).toBeNull();
    expect(await cache.token(fresh, end)).not.toBeNull();

    // Both secrets are cached under the token: one invalidation drops both.
    expect(await store.repos.tokens.endOverlap(id, 2, NOW)).toBe(true);
    await moveWhitelist(id, 3);
    expect(await allowed(cache, old, before)).toEqual(['10.0.0.1']);
    cache.invalidateToken(id);
    expect(await cache.token(old, before)).toBeNull();
    expect(await allowed(cache, fresh, before)).toEqual(['10.0.0.2']);
  });
});
