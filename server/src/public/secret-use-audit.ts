import type { AuditLog } from '../audit/audit-log';
import type { CachedToken } from '../tokens/access-cache';

const EVERY_MS = 60_000;

/** The audit reason of a call made while a token rotates: which secret, by hint. */
export function secretUseReason(token: Pick<CachedToken, 'secret' | 'secretHint'>): string {
  return `${token.secret === 'previous' ? 'old' : 'new'} secret ${token.secretHint}`;
}

/**
 * While a token's rotation overlap runs, its calls are audited with the secret they used, so
 * the admin sees which clients still hold the old one. A busy token would write a row per
 * request; like lastUsedAt, a node writes at most one row a minute per token and secret.
 * Outside an overlap nothing is written: there is only one secret to tell apart.
 */
export class SecretUseAudit {
  private readonly lastRow = new Map<string, number>();

  constructor(private readonly audit: AuditLog) {}

  record(token: CachedToken, at: Date, ip: string): void {
    if (token.overlapUntil === null || token.overlapUntil <= at.getTime()) return;
    const key = `${token.id}:${token.secretHash.toString('base64')}`;
    const last = this.lastRow.get(key);
    if (last !== undefined && at.getTime() - last < EVERY_MS) return;
    if (this.lastRow.size > 100_000) this.lastRow.clear();
    this.lastRow.set(key, at.getTime());
    this.audit.insertSoon({
      at,
      actor: { type: 'token', id: token.id, name: token.name },
      action: 'token.secret_used',
      tokenId: token.id,
      tokenName: token.name,
      ip,
      reason: secretUseReason(token),
    });
  }
}
