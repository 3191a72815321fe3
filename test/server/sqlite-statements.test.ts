import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedStatements } from '../../server/src/db/sqlite-statements';

// Kysely's SqliteDialect runs every SQLite query through this wrapper: its rows must be the
// objects better-sqlite3 itself would have made.
const opened: Database.Database[] = [];
function database(): Database.Database {
  const db = new Database(':memory:');
  opened.push(db);
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, hash BLOB, note TEXT);
           INSERT INTO t (name, hash, note) VALUES ('é', x'0102', NULL), ('b', x'03', 'n');`);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

describe('cachedStatements', () => {
  it('answers the rows better-sqlite3 answers, through a statement compiled once', () => {
    const db = database();
    const wrapped = cachedStatements(db);
    const compile = vi.spyOn(db, 'prepare');
    // Two columns of one name: the later wins, as in better-sqlite3's own objects.
    const sql = 'SELECT t.id, t.name, t.hash, t.note, t.note AS name FROM t WHERE t.id >= ? ORDER BY t.id';
    const statement = wrapped.prepare(sql);
    expect(statement.reader).toBe(true);
    expect(statement.all([1])).toEqual(db.prepare(sql).all(1));
    expect(wrapped.prepare(sql).all([2])).toEqual(db.prepare(sql).all(2));
    // Once by the wrapper, twice by the comparisons above.
    expect(compile).toHaveBeenCalledTimes(3);
    expect([...statement.iterate([1])]).toEqual(db.prepare(sql).all(1));

    const insert = wrapped.prepare('INSERT INTO t (name) VALUES (?)');
    expect(insert.reader).toBe(false);
    expect(insert.run(['c'])).toEqual({ changes: 1, lastInsertRowid: 3 });
    expect(wrapped.prepare('INSERT INTO t (name) VALUES (?) RETURNING id, name').all(['d'])).toEqual([{ id: 4, name: 'd' }]);
  });

  it('keeps answering once more query texts were seen than it keeps', () => {
    const wrapped = cachedStatements(database());
    for (let n = 0; n < 250; n++) expect(wrapped.prepare(`SELECT ${n} AS n`).all([])).toEqual([{ n }]);
    expect(wrapped.prepare('SELECT 0 AS n').all([])).toEqual([{ n: 0 }]);
  });
});
