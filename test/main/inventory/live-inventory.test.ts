import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryService } from '../../../main/inventory/inventory-service';
import { LiveInventory } from '../../../main/inventory/live-inventory';
import { SECRET_PATTERN } from '../../../shared/domain/secret';
import { buildConsole, type TestConsole } from '../support/console';
import { ADMIN, type ReferenceServer, startReferenceServer } from '../support/reference-server';

// The inventory wired as main will wire it, against the real reference API on loopback.
let server: ReferenceServer;
let app: TestConsole;
let userData: string;
let inventory: InventoryService;
let live: LiveInventory;
let profileId: string;
const secrets: string[] = [];
const refreshed: string[] = [];

beforeAll(async () => {
  server = await startReferenceServer();
  userData = mkdtempSync(join(tmpdir(), 'wifox-live-inventory-'));
  app = buildConsole();
  const { services } = app;
  live = new LiveInventory({ session: services.session, tokens: services.tokens, catalog: services.catalog });
  inventory = new InventoryService({ userDataDir: userData, live: () => live.current() });
  live.onFullLoad((pending) => {
    void pending.loaded().then(async ({ profile, load }) => {
      const snapshot = await inventory.refreshCache(profile, load);
      refreshed.push(snapshot.takenAt);
    });
  });

  const profile = services.profiles.save({ name: 'Reference', baseUrl: server.url, email: ADMIN.email });
  profileId = profile.id;
  await services.session.signIn(profile.id, ADMIN.password);
  const [role] = await services.catalog.roles();
  if (!role) throw new Error('the reference server has no role');
  for (const name of ['Nightly batch', 'Webhook listener', 'Fraud vendor']) {
    const created = await services.tokens.create({ name, roleId: role.id, whitelist: ['203.0.113.0/24'] });
    secrets.push(created.secret);
  }
});

afterAll(async () => {
  await server.close();
  rmSync(userData, { recursive: true, force: true });
});

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(condition()).toBe(true);
};

/** A full load of the token list, once the cache has saved it; returns its fetchedAt. */
const fullLoadCached = async (): Promise<string> => {
  const before = refreshed.length;
  const list = await app.services.tokens.list({ full: true });
  await waitFor(() => refreshed.length > before);
  return list.fetchedAt;
};

describe('the offline cache follows full loads of the token list', () => {
  it('saves a snapshot after a full load, without any secret', async () => {
    const before = refreshed.length;
    const list = await app.services.tokens.list({ full: true });
    await waitFor(() => refreshed.length > before);

    const snapshot = await new InventoryService({ userDataDir: userData }).cached(profileId);
    expect(snapshot?.tokens.map((t) => t.name).sort()).toEqual(['Fraud vendor', 'Nightly batch', 'Webhook listener']);
    expect(snapshot?.takenAt).toBe(list.fetchedAt);
    expect(snapshot?.baseUrl).toBe(server.url);
    expect(snapshot?.takenBy.email).toBe(ADMIN.email);
    expect(snapshot?.roles.length).toBeGreaterThan(0);
    expect(snapshot?.modules.length).toBeGreaterThan(0);

    // The snapshot, and the change cursor the next launch syncs from.
    await vi.waitFor(() => expect(readdirSync(join(userData, 'inventory')).sort()).toEqual([`${profileId}.cursor.json`, `${profileId}.json`]));
    const files = readdirSync(join(userData, 'inventory'));
    const text = files.map((file) => readFileSync(join(userData, 'inventory', file), 'utf8')).join('\n');
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(new RegExp(SECRET_PATTERN.source, 'g').test(text)).toBe(false);
  });

  it('does not cache a filtered list', async () => {
    await fullLoadCached();
    const announced: string[] = [];
    const stop = app.services.tokens.onInventory((_profile, load) => announced.push(load.fetchedAt));
    try {
      const before = refreshed.length;
      const filtered = await app.services.tokens.list({ search: 'Nightly' });
      expect(filtered.items.map((t) => t.name)).toEqual(['Nightly batch']);
      // Full loads are announced synchronously inside list(): a filtered one never is, so no
      // refresh can have started. No fixed wait is needed to prove that nothing happened later:
      // a full load made afterwards is the only refresh that ever lands.
      expect(announced).toEqual([]);
      const full = await fullLoadCached();
      expect(announced).toEqual([full]);
      expect(refreshed.slice(before)).toEqual([full]);
      expect((await inventory.cached(profileId))?.tokens).toHaveLength(3);
    } finally {
      stop();
    }
  });

  it('leaves the copy as it is when a sync finds nothing new, and saves the next change', async () => {
    await fullLoadCached();
    const before = refreshed.length;
    const unchanged = await app.services.tokens.list();
    expect(unchanged.items.map((t) => t.name).sort()).toEqual(['Fraud vendor', 'Nightly batch', 'Webhook listener']);
    // As above, the full load after it is the only refresh that can land.
    const full = await fullLoadCached();
    expect(refreshed.slice(before)).toEqual([full]);
    const [role] = await app.services.catalog.roles();
    if (!role) throw new Error('the reference server has no role');
    const created = await app.services.tokens.create({ name: 'Made after the copy', roleId: role.id, whitelist: ['203.0.113.0/24'] });
    try {
      const synced = await app.services.tokens.list();
      await waitFor(() => refreshed.at(-1) === synced.fetchedAt);
      expect((await inventory.cached(profileId))?.tokens.map((t) => t.name)).toContain('Made after the copy');
      const files = readdirSync(join(userData, 'inventory')).map((file) => readFileSync(join(userData, 'inventory', file), 'utf8'));
      expect(files.join('\n')).not.toContain(created.secret);
    } finally {
      await app.services.tokens.delete(created.token.id);
      await fullLoadCached();
    }
  });

  it('compares the cache with the live inventory after a change on the server', async () => {
    await fullLoadCached();
    const cachedBefore = await inventory.cached(profileId);
    const target = cachedBefore?.tokens.find((t) => t.name === 'Webhook listener');
    if (!target) throw new Error('missing token');
    await app.services.tokens.update(target.id, target.version, { whitelist: ['203.0.113.0/24', '198.51.100.7'], expiresOn: '2030-01-31' });

    const frozen = await inventory.cached(profileId);
    const result = await inventory.compareRefs({ kind: 'cached', profileId }, { kind: 'live' });
    expect(result.left.digest).toBe(frozen?.digest.value);
    expect(result.diff.added).toEqual([]);
    expect(result.diff.removed).toEqual([]);
    expect(result.diff.changed).toEqual([
      {
        id: target.id,
        name: 'Webhook listener',
        changes: [
          { field: 'whitelist', added: ['198.51.100.7'], removed: [] },
          { field: 'expiresOn', old: null, new: '2030-01-31' },
        ],
      },
    ]);
    // The live load refreshed the cache too.
    await waitFor(() => refreshed.includes(result.right.takenAt));
    expect((await inventory.cachedInfo(profileId))?.digest).toBe(result.right.digest);
  });
});
