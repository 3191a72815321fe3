import { sql, type Kysely } from 'kysely';
import { CHANGES_CHANNEL } from '../db/pg-listener';
import type { Schema } from '../db/schema';
import type { StoreChange, StoreKind } from '../db/store';

/**
 * Tells the other nodes what a write made stale. On PostgreSQL it is a NOTIFY in the writing
 * transaction: delivered when, and only if, that transaction commits. SQLite has one node,
 * whose services invalidate their own caches.
 */
export class ChangesRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly kind: StoreKind,
  ) {}

  async publish(change: StoreChange): Promise<void> {
    if (this.kind !== 'postgres') return;
    await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(change)})`.execute(this.db);
  }
}
