import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';

export interface RetiredSecret {
  hash: Buffer;
  tokenId: number;
  tokenName: string;
  hint: string;
  retiredAt: string;
  reason: 'deleted' | 'rotated';
}

/** Hashes of secrets that stopped working, kept so a leaked one reads "already revoked". */
export class RetiredSecretsRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async insert(secret: RetiredSecret): Promise<void> {
    await this.db.insertInto('retired_secrets').values({
      hash: secret.hash, token_id: secret.tokenId, token_name: secret.tokenName, hint: secret.hint,
      retired_at: secret.retiredAt, reason: secret.reason,
    }).onConflict((oc) => oc.column('hash').doNothing()).execute();
  }

  async findMany(hashes: readonly Buffer[]): Promise<RetiredSecret[]> {
    if (hashes.length === 0) return [];
    const rows = await this.db.selectFrom('retired_secrets')
      .select(['hash', 'token_id as tokenId', 'token_name as tokenName', 'hint', 'retired_at as retiredAt', 'reason'])
      .where('hash', 'in', [...hashes]).execute();
    return rows;
  }
}
