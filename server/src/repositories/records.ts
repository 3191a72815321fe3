import type { Kysely } from 'kysely';
import type { PublicResource } from '../../../shared/api';
import type { Schema } from '../db/schema';
import { isUniqueViolation } from '../db/store-errors';

// Demo records behind the public endpoints: one JSON document per row, validated on the way out
// by the route's response schema.
export class RecordsRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async list(resource: PublicResource, limit: number, offset: number): Promise<{ items: unknown[]; total: number }> {
    const count = await this.db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).where('resource', '=', resource).executeTakeFirstOrThrow();
    const rows = await this.db.selectFrom('records').select('data').where('resource', '=', resource)
      .orderBy('id').limit(limit).offset(offset).execute();
    return { items: rows.map((row) => JSON.parse(row.data) as unknown), total: Number(count.n) };
  }

  /**
   * Numbers the record max(id) + 1. Two nodes may pick the same number at once: the primary
   * key refuses the second, which tries the next number.
   */
  async insert(resource: PublicResource, build: (id: number) => Record<string, unknown>): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
      const last = await this.db.selectFrom('records').select((eb) => eb.fn.max('id').as('last')).where('resource', '=', resource).executeTakeFirst();
      const record = build(Number(last?.last ?? 0) + 1);
      try {
        await this.db.insertInto('records').values({ resource, id: Number(record.id), data: JSON.stringify(record) }).execute();
        return record;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 9) throw error;
      }
    }
  }
}
