import { isWellFormedSecret } from '../../../shared/domain';
import { ERROR_CODES, type LeakLookupItem, type LeakLookupResponse } from '../../../shared/api';
import { requireRight, type AdminContext } from '../auth/admin-context';
import type { AuditLog } from '../audit/audit-log';
import type { Store } from '../db/store';
import { HttpError } from '../http/http-error';
import type { DenialLimiter } from '../public/denial-limiter';
import type { TokenWithHash } from '../repositories/tokens';
import type { AccessCache } from './access-cache';
import { retireSecrets } from './retire-secrets';
import { sha256 } from './secrets';
import type { ServiceOptions, TokenService } from './token-service';

const VIEW_OWN = { module: 'security', right: 'view_own' } as const;

function rateLimited(address: string, wait: number): HttpError {
  return new HttpError(429, ERROR_CODES.rateLimited, `Too many requests from ${address}; try again in ${wait} s.`, undefined, {
    'retry-after': String(wait),
  });
}

/**
 * Leaked secrets: the console asks which tokens a list of SHA-256 hashes belong to (the
 * secrets never reach the server from there), and secret scanners revoke secrets they found
 * through the public endpoint, where holding a secret is proof enough to kill it.
 */
export class LeakService {
  constructor(
    private readonly store: Store,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    private readonly cache: AccessCache,
    private readonly limiter: DenialLimiter,
    private readonly options: ServiceOptions,
  ) {}

  async lookup(admin: AdminContext, hexHashes: readonly string[]): Promise<LeakLookupResponse> {
    requireRight(admin, VIEW_OWN, 'look up identification tokens');
    const unique = [...new Set(hexHashes)];
    const hashes = unique.map((hex) => Buffer.from(hex, 'hex'));
    const rows = await this.store.repos.tokens.findManyByHash(hashes);
    const retired = await this.store.repos.retiredSecrets.findMany(hashes);
    const now = this.options.clock().getTime();
    const items: LeakLookupItem[] = [];
    for (const [index, hash] of hashes.entries()) {
      const hex = unique[index] as string;
      const row = rows.find((candidate) => candidate.secretHash.equals(hash) || candidate.previousSecretHash?.equals(hash));
      // A token the caller may not see is unknown to them, as everywhere else in the API.
      if (row && this.tokens.isVisible(admin, row)) {
        if (row.secretHash.equals(hash)) {
          items.push({ hash: hex, status: 'current', token: await this.tokens.view(row) });
          continue;
        }
        const until = row.previousValidUntil ?? '';
        if (Date.parse(until) > now) {
          items.push({ hash: hex, status: 'previous', token: await this.tokens.view(row) });
        } else {
          items.push({ hash: hex, status: 'revoked', tokenName: row.name, hint: row.previousSecretHint ?? '', revokedAt: until, revokedBecause: 'rotated' });
        }
        continue;
      }
      const gone = retired.find((candidate) => candidate.hash.equals(hash));
      if (gone && (row === undefined || this.tokens.isVisible(admin, row))) {
        items.push({ hash: hex, status: 'revoked', tokenName: gone.tokenName, hint: gone.hint, revokedAt: gone.retiredAt, revokedBecause: gone.reason });
        continue;
      }
      items.push({ hash: hex, status: 'unknown' });
    }
    return { items };
  }

  /**
   * Kills what the presented secrets open: a token's current secret deletes the token, a
   * replaced secret still in its overlap ends the overlap. Answers only a count. Each call
   * counts against the caller's refusal budget, so the endpoint is no oracle for guessing.
   */
  async publicRevoke(secrets: readonly string[], address: string): Promise<number> {
    const wait = this.limiter.retryAfter(address);
    if (wait > 0) throw rateLimited(address, wait);
    const over = await this.limiter.record(address);
    if (over > 0) throw rateLimited(address, over);
    const hashes = [...new Set(secrets.map((secret) => secret.trim()).filter(isWellFormedSecret))].map(sha256);
    const rows = await this.store.repos.tokens.findManyByHash(hashes);
    const now = this.options.clock();
    let revoked = 0;
    for (const row of rows) {
      for (const hash of hashes) {
        if (row.secretHash.equals(hash)) {
          if (await this.revokeToken(row, address, now)) revoked += 1;
        } else if (row.previousSecretHash?.equals(hash) && Date.parse(row.previousValidUntil ?? '') > now.getTime()) {
          if (await this.revokePrevious(row, address, now)) revoked += 1;
        }
      }
    }
    return revoked;
  }

  private async revokeToken(row: TokenWithHash, address: string, now: Date): Promise<boolean> {
    await this.audit.flush();
    const done = await this.store.transaction(async ({ tokens, retiredSecrets, changes, audit }) => {
      await retireSecrets(tokens, retiredSecrets, row.id, row.name, 'deleted', now);
      if (!(await tokens.delete(row.id))) return false;
      await changes.publish({ kind: 'token', id: row.id });
      await audit.insert({
        at: now, actor: { type: 'token', id: row.id, name: row.name }, action: 'token.revoked',
        tokenId: row.id, tokenName: row.name, ip: address,
        reason: `secret ${row.secretHint} reported leaked: token deleted`,
      });
      return true;
    });
    this.cache.invalidateToken(row.id);
    return done;
  }

  private async revokePrevious(row: TokenWithHash, address: string, now: Date): Promise<boolean> {
    await this.audit.flush();
    const done = await this.store.transaction(async ({ tokens, retiredSecrets, changes, audit }) => {
      await retireSecrets(tokens, retiredSecrets, row.id, row.name, 'rotated', now, 'previous');
      if (!(await tokens.endOverlap(row.id, null, now))) return false;
      await changes.publish({ kind: 'token', id: row.id });
      await audit.insert({
        at: now, actor: { type: 'token', id: row.id, name: row.name }, action: 'token.revoked',
        tokenId: row.id, tokenName: row.name, ip: address,
        reason: `old secret ${row.previousSecretHint ?? ''} reported leaked: overlap ended`,
      });
      return true;
    });
    this.cache.invalidateToken(row.id);
    return done;
  }
}
