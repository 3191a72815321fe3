import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { Db } from './open';

type Statement = ReturnType<Db['prepare']>;

// Distinct query texts kept prepared; an IN list of another length is another text.
const MAX_STATEMENTS = 200;

/**
 * better-sqlite3 as Kysely's SqliteDialect sees it, only cheaper on every query:
 *  - a statement is compiled once per query text, not on every execution;
 *  - rows are read as arrays and made objects here. better-sqlite3 builds each row object
 *    property by property in C++, which cost twice as much as reading the page itself: a
 *    listing page of 1,000 tokens went from about 6 to 3 ms.
 * Results are the same objects (columns in order; with two columns of one name the later wins,
 * as in better-sqlite3). Kysely runs one query at a time on the connection, and a cached
 * statement runs to completion before any other starts; iterate (streaming) gets its own.
 */
export function cachedStatements(database: Db): SqliteDatabase {
  const prepared = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = prepared.get(sql);
    if (statement === undefined) {
      statement = database.prepare(sql);
      if (statement.reader) statement.raw(true);
      if (prepared.size >= MAX_STATEMENTS) {
        const oldest = prepared.keys().next();
        if (!oldest.done) prepared.delete(oldest.value);
      }
      prepared.set(sql, statement);
    }
    return statement;
  };
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const statement = prepare(sql);
      return {
        reader: statement.reader,
        // The parameters go as one array, as Kysely's own driver passes them.
        all: (parameters) => toObjects(statement.columns(), statement.all(parameters) as unknown[][]),
        run: (parameters) => statement.run(parameters),
        iterate: (parameters) => database.prepare(sql).iterate(parameters),
      };
    },
  };
}

function toObjects(columns: readonly { name: string }[], rows: readonly unknown[][]): Record<string, unknown>[] {
  const names = columns.map((column) => column.name);
  const objects = new Array<Record<string, unknown>>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r] as unknown[];
    const object: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) object[names[c] as string] = values[c];
    objects[r] = object;
  }
  return objects;
}
