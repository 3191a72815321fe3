import { Kysely, SqliteDialect } from 'kysely';
import type { Migration } from './migrations';
import { openDatabase } from './open';
import { cachedStatements } from './sqlite-statements';
import type { Schema } from './schema';
import { repositoriesFor, type Store } from './store';

/** The embedded store: one SQLite file, one node. Kysely serialises the one connection. */
export function openSqliteStore(path: string, migrations?: readonly Migration[]): Store {
  const database = openDatabase(path, migrations);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachedStatements(database) }) });
  return {
    kind: 'sqlite',
    db,
    repos: repositoriesFor(db, 'sqlite'),
    transaction: (work) => db.transaction().execute((trx) => work(repositoriesFor(trx, 'sqlite'))),
    exclusive: (work) => work(),
    listen: async () => {},
    caughtUp: async () => {},
    close: () => db.destroy(),
  };
}
