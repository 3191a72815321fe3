import type Database from 'better-sqlite3';
import type { Db } from './open';

export type Prepare = (sql: string) => Database.Statement;

/** Prepares each SQL text once per connection: preparing is most of a small query's cost. */
export function statementCache(db: Db): Prepare {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
