import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/src/db/migrations';
import { openStore } from '../../server/src/db/open-store';
import { PG_MIGRATIONS } from '../../server/src/db/pg-migrations';
import { STORE, newStoreLocation, tempDir } from './harness';

// Runs on both stores (projects `node` and `server-pg`), each with its own migration list.
const ALL = STORE === 'postgres' ? PG_MIGRATIONS : MIGRATIONS;
const LATEST = Math.max(...ALL.map((migration) => migration.version));
const { dir, remove } = tempDir('wifox-migrate-');
afterAll(() => remove());

// Read on a connection of its own, as an operator would.
async function appliedVersions(location: string): Promise<number[]> {
  if (STORE === 'postgres') {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      return (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((row) => row.version);
    } finally {
      await client.end();
    }
  }
  const db = new Database(location, { readonly: true });
  try {
    return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
  } finally {
    db.close();
  }
}

describe(`migrations (${STORE})`, () => {
  it('builds the whole schema on an empty database', async () => {
    const location = await newStoreLocation(dir, 'empty.db');
    const store = await openStore(location);
    try {
      expect(await store.repos.employees.count()).toBe(0);
      expect(await store.repos.counters.addRefusal('192.0.2.1', 1_000, 60_000)).toEqual({ windowStart: 1_000, count: 1 });
    } finally {
      await store.close();
    }
    expect(await appliedVersions(location)).toEqual(ALL.map((migration) => migration.version));
  });

  it('upgrades a database of the previous version and keeps its rows', async () => {
    const location = await newStoreLocation(dir, 'previous.db');
    const previous = await openStore(location, { migrations: ALL.filter((migration) => migration.version < LATEST) });
    try {
      const role = await previous.repos.roles.insert({ name: 'Kept role', type: 'employee', rank: 3, rights: {} }, new Date());
      await previous.repos.employees.insert({ name: 'Kept', email: 'kept@example.test', passwordHash: 'x' }, new Date());
      expect(role.id).toBeGreaterThan(0);
    } finally {
      await previous.close();
    }
    expect(await appliedVersions(location)).toEqual(ALL.filter((migration) => migration.version < LATEST).map((migration) => migration.version));

    const current = await openStore(location);
    try {
      expect((await current.repos.roles.findByName('kept ROLE'))?.name).toBe('Kept role');
      expect((await current.repos.employees.findByEmail('KEPT@example.test'))?.name).toBe('Kept');
      expect((await current.repos.counters.addLoginFailure('kept@example.test', 1_000, 3, 61_000)).failures).toBe(1);
    } finally {
      await current.close();
    }
    expect(await appliedVersions(location)).toEqual(ALL.map((migration) => migration.version));
  });

  it('migrates once when several nodes open the same empty database together', async () => {
    const location = await newStoreLocation(dir, 'together.db');
    const stores = await Promise.all([openStore(location), openStore(location), openStore(location)]);
    await Promise.all(stores.map((store) => store.close()));
    expect(await appliedVersions(location)).toEqual(ALL.map((migration) => migration.version));
  });
});
