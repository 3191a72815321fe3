import type { PublicResource } from '../../../shared/api';
import type { Db } from '../db/open';
import { statementCache, type Prepare } from '../db/statements';

// Demo records behind the public endpoints: one JSON document per row, validated on the way out
// by the route's response schema.
export class RecordsRepository {
  private readonly sql: Prepare;

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  list(resource: PublicResource, limit: number, offset: number): { items: unknown[]; total: number } {
    const total = this.sql('SELECT count(*) FROM records WHERE resource = ?').pluck().get(resource) as number;
    const rows = this.sql('SELECT data FROM records WHERE resource = ? ORDER BY id LIMIT ? OFFSET ?')
      .pluck()
      .all(resource, limit, offset) as string[];
    return { items: rows.map((data) => JSON.parse(data) as unknown), total };
  }

  insert(resource: PublicResource, build: (id: number) => Record<string, unknown>): Record<string, unknown> {
    return this.db.transaction(() => {
      const last = this.sql('SELECT max(id) FROM records WHERE resource = ?').pluck().get(resource) as number | null;
      const record = build((last ?? 0) + 1);
      this.sql('INSERT INTO records (resource, id, data) VALUES (?, ?, ?)').run(resource, record.id, JSON.stringify(record));
      return record;
    })();
  }
}
