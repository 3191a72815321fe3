import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export interface UsageCount {
  tokenId: number;
  day: string;
  accepted: number;
  refused: number;
}

export interface UsageAddress {
  tokenId: number;
  day: string;
  ip: string;
}

// Well under both stores' limit of bound parameters per statement (4 per count row).
const ROWS_PER_STATEMENT = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/** Requests per token and day, and the addresses they came from. Batching is UsageCounters'. */
export class UsageRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  /**
   * Adds counts to what the store holds: an increment, never an overwrite, so nodes flushing
   * the same token and day at once both count. Rows of tokens deleted meanwhile are removed in
   * the same transaction. Writing first (not reading which tokens exist) takes SQLite's write
   * lock at the first statement, so a second connection waits instead of failing.
   */
  async add(counts: readonly UsageCount[], addresses: readonly UsageAddress[]): Promise<void> {
    for (const part of chunks(counts)) {
      await this.db.insertInto('token_usage_days')
        .values(part.map((row) => ({ token_id: row.tokenId, day: row.day, accepted: row.accepted, refused: row.refused })))
        .onConflict((oc) => oc.columns(['token_id', 'day']).doUpdateSet({
          accepted: sql<number>`token_usage_days.accepted + excluded.accepted`,
          refused: sql<number>`token_usage_days.refused + excluded.refused`,
        }))
        .execute();
    }
    for (const part of chunks(addresses)) {
      await this.db.insertInto('token_usage_addresses')
        .values(part.map((row) => ({ token_id: row.tokenId, day: row.day, ip: row.ip })))
        .onConflict((oc) => oc.columns(['token_id', 'day', 'ip']).doNothing())
        .execute();
    }
    const ids = [...new Set([...counts.map((row) => row.tokenId), ...addresses.map((row) => row.tokenId)])];
    for (const part of chunks(ids)) {
      const gone = (table: 'token_usage_days' | 'token_usage_addresses') => this.db.deleteFrom(table)
        .where('token_id', 'in', part)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('tokens').select('tokens.id').whereRef('tokens.id', '=', `${table}.token_id`))))
        .execute();
      await gone('token_usage_days');
      await gone('token_usage_addresses');
    }
  }

  /** Forgets days before `firstKept` (YYYY-MM-DD). */
  async prune(firstKept: string): Promise<void> {
    await this.db.deleteFrom('token_usage_days').where('day', '<', firstKept).execute();
    await this.db.deleteFrom('token_usage_addresses').where('day', '<', firstKept).execute();
  }

  async days(tokenId: number, from: string): Promise<{ day: string; accepted: number; refused: number }[]> {
    const rows = await this.db.selectFrom('token_usage_days').select(['day', 'accepted', 'refused'])
      .where('token_id', '=', tokenId).where('day', '>=', from).orderBy('day').execute();
    return rows.map((row) => ({ day: row.day, accepted: Number(row.accepted), refused: Number(row.refused) }));
  }

  /** Distinct addresses since `from`, the most recently seen first. */
  async addresses(tokenId: number, from: string, limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('token_usage_addresses').select('ip').select((eb) => eb.fn.max('day').as('last'))
      .where('token_id', '=', tokenId).where('day', '>=', from)
      .groupBy('ip').orderBy('last', 'desc').orderBy('ip').limit(limit).execute();
    return rows.map((row) => row.ip);
  }

  /**
   * Requests (accepted + refused) per token since `from`, for tokens with any: one pass over the
   * day index, at most 30 rows per token. `createdBy` narrows to one employee's tokens.
   */
  async totals(from: string, createdBy?: number): Promise<{ tokenId: number; requests: number }[]> {
    let select = this.db.selectFrom('token_usage_days as u')
      .select(['u.token_id as tokenId', sql<number | string>`sum(u.accepted + u.refused)`.as('requests')])
      .where('u.day', '>=', from)
      .groupBy('u.token_id');
    if (createdBy !== undefined) {
      select = select.innerJoin('tokens as t', 't.id', 'u.token_id').where('t.created_by', '=', createdBy);
    }
    const rows = await select.execute();
    return rows.map((row) => ({ tokenId: Number(row.tokenId), requests: Number(row.requests) }));
  }
}
