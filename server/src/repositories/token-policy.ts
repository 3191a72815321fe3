import type { Kysely } from 'kysely';
import type { TokenPolicyRules } from '../../../shared/domain';
import type { Schema } from '../db/schema';

export interface TokenPolicyRow extends TokenPolicyRules {
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The organisation's one token policy row (migration 7 creates it). */
export class TokenPolicyRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async get(): Promise<TokenPolicyRow> {
    const row = await this.db.selectFrom('token_policy').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    return {
      maxLifetimeDays: row.max_lifetime_days,
      requireWhitelist: row.require_whitelist === 1,
      widestIpv4Prefix: row.widest_ipv4_prefix,
      widestIpv6Prefix: row.widest_ipv6_prefix,
      version: row.version,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  /** Writes the rules when the stored version is still `version`; false when it moved on. */
  async update(version: number, rules: TokenPolicyRules, at: Date, by: string): Promise<boolean> {
    const result = await this.db.updateTable('token_policy')
      .set((eb) => ({
        max_lifetime_days: rules.maxLifetimeDays,
        require_whitelist: rules.requireWhitelist ? 1 : 0,
        widest_ipv4_prefix: rules.widestIpv4Prefix,
        widest_ipv6_prefix: rules.widestIpv6Prefix,
        updated_at: at.toISOString(),
        updated_by: by,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', 1).where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
