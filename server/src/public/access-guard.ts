import type { FastifyRequest } from 'fastify';
import { decideAccess, denialAuditReason, isWellFormedSecret, type DenyReason, type NeededRight } from '../../../shared/domain';
import { ERROR_CODES, UNKNOWN_CREDENTIAL_CODE } from '../../../shared/api';
import { HttpError } from '../http/http-error';
import type { AuditLog } from '../audit/audit-log';
import type { AccessCache, CachedToken } from '../tokens/access-cache';
import { sha256 } from '../tokens/secrets';
import type { DenialLimiter } from './denial-limiter';
import { SecretUseAudit } from './secret-use-audit';
import type { UsageRecorder } from './usage-recorder';

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
    const token = secret !== undefined && isWellFormedSecret(secret) ? await this.cache.token(sha256(secret), now) : null;
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
      return token;
    }

    // Counted before the row is queued: an address over the limit on another node's count is
    // answered 429 here too, and its refusal is still audited.
    const over = await this.limiter.record(address);
    this.audit.insertSoon({
      at: now,
      actor: { type: 'token', id: token?.id ?? null, name: token?.name ?? 'unknown token' },
      action: 'token.denied',
      tokenId: token?.id ?? null,
      tokenName: token?.name ?? null,
      ip: address,
      reason: denialAuditReason(decision.reason, needed),
    });
    if (over > 0) throw rateLimited(address, over);
    const denial = DENIALS[decision.reason];
    // Wifox ends a rejected credential's message with its code.
    const message = decision.reason === 'unknown_token' ? `${decision.message} CODE: ${UNKNOWN_CREDENTIAL_CODE}` : decision.message;
    throw new HttpError(denial.status, denial.code, message);
  }
}
