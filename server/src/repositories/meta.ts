import type { Db } from '../db/open';
import { statementCache, type Prepare } from '../db/statements';

export class MetaRepository {
  private readonly sql: Prepare;

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  get(key: string): string | undefined {
    return this.sql('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  }

  set(key: string, value: string): void {
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }
}
