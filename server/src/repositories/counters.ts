import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export interface FailureCount {
  failures: number;
  lockedUntil: number;
}

export interface RefusalWindow {
  windowStart: number;
  count: number;
}

/**
 * Security counters shared by every node: each change is one atomic upsert whose RETURNING
 * row is the count after it, so concurrent failures on several nodes all count.
 */
// Parameters are cast: PostgreSQL cannot infer a type for a bare parameter inside CASE.
const big = (value: number) => sql<number>`CAST(${value} AS BIGINT)`;

export class CountersRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async lockedUntil(emailKey: string): Promise<number> {
    const row = await this.db.selectFrom('login_failures').select('locked_until').where('email_key', '=', emailKey).executeTakeFirst();
    return Number(row?.locked_until ?? 0);
  }

  /**
   * Counts a failed login. An expired lock starts a new count; the failure that reaches
   * `maxFailures` sets the lock's end.
   */
  async addLoginFailure(emailKey: string, now: number, maxFailures: number, lockUntil: number): Promise<FailureCount> {
    const [at, max, until] = [big(now), big(maxFailures), big(lockUntil)];
    const row = await this.db.insertInto('login_failures')
      .values({ email_key: emailKey, failures: 1, locked_until: maxFailures <= 1 ? lockUntil : 0 })
      .onConflict((oc) => oc.column('email_key').doUpdateSet({
        failures: sql<number>`CASE WHEN login_failures.locked_until <> 0 AND login_failures.locked_until <= ${at}
          THEN 1 ELSE login_failures.failures + 1 END`,
        locked_until: sql<number>`CASE
          WHEN login_failures.locked_until <> 0 AND login_failures.locked_until <= ${at}
            THEN (CASE WHEN ${max} <= 1 THEN ${until} ELSE 0 END)
          WHEN login_failures.locked_until = 0 AND login_failures.failures + 1 >= ${max} THEN ${until}
          ELSE login_failures.locked_until END`,
      }))
      .returning(['failures', 'locked_until'])
      .executeTakeFirstOrThrow();
    return { failures: Number(row.failures), lockedUntil: Number(row.locked_until) };
  }

  async clearLoginFailures(emailKey: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('email_key', '=', emailKey).execute();
  }

  /** Counts a refused request in the address's fixed window; an ended window starts anew. */
  async addRefusal(address: string, now: number, windowMs: number): Promise<RefusalWindow> {
    const [at, window] = [big(now), big(windowMs)];
    const row = await this.db.insertInto('refusal_counts')
      .values({ address, window_start: now, count: 1 })
      .onConflict((oc) => oc.column('address').doUpdateSet({
        window_start: sql<number>`CASE WHEN refusal_counts.window_start + ${window} <= ${at} THEN ${at} ELSE refusal_counts.window_start END`,
        count: sql<number>`CASE WHEN refusal_counts.window_start + ${window} <= ${at} THEN 1 ELSE refusal_counts.count + 1 END`,
      }))
      .returning(['window_start', 'count'])
      .executeTakeFirstOrThrow();
    return { windowStart: Number(row.window_start), count: Number(row.count) };
  }

  async refusals(address: string): Promise<RefusalWindow | undefined> {
    const row = await this.db.selectFrom('refusal_counts').select(['window_start', 'count']).where('address', '=', address).executeTakeFirst();
    return row && { windowStart: Number(row.window_start), count: Number(row.count) };
  }

  /** Forgets windows and locks that ended before `before`. */
  async prune(before: number, windowMs: number): Promise<void> {
    await this.db.deleteFrom('refusal_counts').where(sql<boolean>`window_start + ${big(windowMs)} <= ${big(before)}`).execute();
    await this.db.deleteFrom('login_failures').where('locked_until', '<>', 0).where('locked_until', '<=', before).execute();
  }
}
