import type { RetiredSecretsRepository } from '../repositories/retired-secrets';
import type { TokensRepository } from '../repositories/tokens';

/**
 * Keeps the hashes of a token's secrets (current and replaced) as retired, inside the
 * transaction that deletes the token, so a leaked secret is later reported "already revoked".
 */
export async function retireSecrets(
  tokens: TokensRepository,
  retired: RetiredSecretsRepository,
  id: number,
  tokenName: string,
  reason: 'deleted' | 'rotated',
  at: Date,
  which: 'both' | 'current' | 'previous' = 'both',
): Promise<void> {
  const hashes = await tokens.hashesOf(id);
  if (!hashes) return;
  const retiredAt = at.toISOString();
  if (which !== 'previous') {
    await retired.insert({ hash: hashes.secretHash, tokenId: id, tokenName, hint: hashes.secretHint, retiredAt, reason });
  }
  if (which !== 'current' && hashes.previousSecretHash !== null) {
    await retired.insert({ hash: hashes.previousSecretHash, tokenId: id, tokenName, hint: hashes.previousSecretHint ?? '', retiredAt, reason });
  }
}
