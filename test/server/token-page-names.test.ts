import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../server/src/db/open-store';
import { tempDir } from './harness';

// A listing page reads its tokens, then the names of the few roles and creators they hold
// (server/src/repositories/tokens.ts, named): the names must be those a join would give.
const dirs: { remove: () => void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

describe('a listing page names roles and creators', () => {
  it('as a join would: each row its own names, and a row whose role is gone left out of a full page', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir.dir, 'wifox.db');
    const store = await openStore(path);
    try {
      const now = new Date('2030-06-15T12:00:00.000Z');
      const { employees, roles, tokens } = store.repos;
      const ann = await employees.insert({ name: 'Ann', email: 'ann@example.test', passwordHash: 'x' }, now);
      const bob = await employees.insert({ name: 'Bob', email: 'bob@example.test', passwordHash: 'x' }, now);
      const reader = await roles.insert({ name: 'Reader', type: 'employee', rank: 5, rights: {} }, now);
      const writer = await roles.insert({ name: 'Writer', type: 'employee', rank: 5, rights: {} }, now);
      const token = (name: string, roleId: number, createdBy: number) => tokens.insert(
        { name, nameKey: name.toLowerCase(), roleId, whitelist: [], expiresOn: null, secretHash: Buffer.from(name), secretHint: 'wfx_abcd', createdBy },
        now,
      );
      await token('a', reader.id, ann.id);
      await token('b', writer.id, bob.id);
      await token('c', reader.id, bob.id);
      const page = (limit: number) => tokens.listPage({ filter: {}, sort: 'name', order: 'asc', limit });
      expect((await page(10)).map((row) => [row.name, row.roleName, row.createdByName])).toEqual([
        ['a', 'Reader', 'Ann'], ['b', 'Writer', 'Bob'], ['c', 'Reader', 'Bob'],
      ]);

      // The API never removes a role its tokens hold; a write behind its back can.
      const raw = new Database(path);
      try {
        raw.pragma('foreign_keys = OFF');
        raw.prepare('DELETE FROM roles WHERE id = ?').run(writer.id);
      } finally {
        raw.close();
      }
      // Still a full page when there are rows enough: the limit counts the rows a join keeps.
      expect((await page(2)).map((row) => [row.name, row.roleName, row.createdByName])).toEqual([
        ['a', 'Reader', 'Ann'], ['c', 'Reader', 'Bob'],
      ]);
    } finally {
      await store.close();
    }
  });
});
