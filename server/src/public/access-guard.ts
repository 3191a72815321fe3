import type { FastifyRequest } from 'fastify';
import { decideAccess, denialAuditReason, isWellFormedSecret, retiredSecretAuditReason, type DenyReason, type NeededRight } from '../../../shared/domain';
import { ERROR_CODES, UNKNOWN_CREDENTIAL_CODE } from '../../../shared/api';
import { HttpError } from '../http/http-error';
import type { AuditLog } from '../audit/audit-log';
import type { AccessCache, CachedToken } from '../tokens/access-cache';
import { sha256 } from '../tokens/secrets';
import type { DenialLimiter } from './denial-limiter';
import { SecretUseAudit } from './secret-use-audit';
import type { UsageCounters } from './usage-counters';
import type { UsageRecorder } from './usage-recorder';
import type { RetiredSecretsRepository } from '../repositories/retired-secrets';

const DENIALS: Readonly<Record<DenyReason, { status: number; code: string }>> = {
  unknown_token: { status: 401, code: UNKNOWN_CREDENTIAL_CODE },
  expired: { status: 401, code: ERROR_CODES.tokenExpired },
  ip_not_allowed: { status: 403, code: ERROR_CODES.ipNotAllowed },
  insufficient_rights: { status: 403, code: ERROR_CODES.insufficientRights },
};

/** The credential is the whole header (Wifox style) or a Bearer value. */
export function presentedSecret(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  // The value is trimmed and \s+ takes every space after the scheme: what follows needs no trim.
  const bearer = /^Bearer\s+(.*)$/i.exec(value);
  return bearer?.[1] ?? value;
}

function rateLimited(address: string, wait: number): HttpError {
  return new HttpError(429, ERROR_CODES.rateLimited, `Too many refused requests from ${address}; try again in ${wait} s.`, undefined, {
    'retry-after': String(wait),
  });
}

export interface AccessGuardOptions {
  clock: () => Date;
  timeZone: string;
  /** Names the deleted token (or rotated-out secret) an unknown secret belonged to, in the audit row. */
  retired?: RetiredSecretsRepository;
  /** Counts each known token's accepted and refused requests per day. */
  counters?: UsageCounters;
}

export class AccessGuard {
  private readonly secretUses: SecretUseAudit;

  constructor(
    private readonly cache: AccessCache,
    private readonly limiter: DenialLimiter,
    private readonly usage: UsageRecorder,
    private readonly audit: AuditLog,
    private readonly options: AccessGuardOptions,
  ) {
    this.secretUses = new SecretUseAudit(audit);
  }

  async check(request: FastifyRequest, needed: NeededRight | null): Promise<CachedToken> {
    const address = request.clientAddress;
    const wait = this.limiter.retryAfter(address);
    if (wait > 0) throw rateLimited(address, wait);
    const now = this.options.clock();
    const secret = presentedSecret(request.headers.authorization);
    // A look-alike (wrong prefix, length, alphabet or checksum) never reaches the database.
    // Stryker disable next-line ConditionalExpression: isWellFormedSecret refuses undefined too; the test narrows the type
    const hash = secret !== undefined && isWellFormedSecret(secret) ? sha256(secret) : null;
    const token = hash !== null ? await this.cache.token(hash, now) : null;
    const role = token ? await this.cache.role(token.roleId) : null;
    const decision = decideAccess({
      token,
      rights: role?.rights ?? null,
      clientAddress: address,
      now,
      timeZone: this.options.timeZone,
      needed,
    });
    if (decision.allow) {
      // decideAccess allows a known token only: this line narrows the type and cannot be reached.
      // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable (see above)
      if (!token) throw new Error('Access allowed without a token.');
      await this.usage.record(token, now, address);
      this.secretUses.record(token, now, address);
      // Stryker disable next-line OptionalChaining: the server always passes counters (only the latency bench leaves them out)
      this.options.counters?.record(token.id, now, address, 'accepted');
      return token;
    }
    // Stryker disable next-line OptionalChaining: the server always passes counters (only the latency bench leaves them out)
    if (token) this.options.counters?.record(token.id, now, address, 'refused');

    // Counted before the row is queued: an address over the limit on another node's count is
    // answered 429 here too, and its refusal is still audited.
    const over = await this.limiter.record(address);
    // A well-formed secret no token holds may be a deleted token's or a rotated-out one: one
    // lookup by primary key, on refusals only (which the limiter bounds), names it in the row.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the conditions only spare lookups: a live token's secret, or no secret, is never a retired one
    const retired = token === null && hash !== null && this.options.retired ? (await this.options.retired.findMany([hash]))[0] : undefined;
    const known = token ? { id: token.id, name: token.name } : retired ? { id: retired.tokenId, name: retired.tokenName } : null;
    this.audit.insertSoon({
      at: now,
      actor: { type: 'token', id: known?.id ?? null, name: known?.name ?? 'unknown token' },
      action: 'token.denied',
      tokenId: known?.id ?? null,
      tokenName: known?.name ?? null,
      ip: address,
      reason: retired ? retiredSecretAuditReason(retired.reason) : denialAuditReason(decision.reason, needed),
    });
    if (over > 0) throw rateLimited(address, over);
    const denial = DENIALS[decision.reason];
    // Wifox ends a rejected credential's message with its code.
    const message = decision.reason === 'unknown_token' ? `${decision.message} CODE: ${UNKNOWN_CREDENTIAL_CODE}` : decision.message;
    throw new HttpError(denial.status, denial.code, message);
  }
}
