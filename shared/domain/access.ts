import { formatDisplayDate, tokenStatus, type IsoDate } from './expiry';
import { moduleByKey } from './modules';
import { RIGHT_LABELS, neededRightSchema, type NeededRight, type RoleRights } from './rights';
import { grants } from './roles';
import { compileWhitelist, normalizeClientAddress, type WhitelistMatcher } from './whitelist';

export const DENY_REASONS = ['unknown_token', 'expired', 'ip_not_allowed', 'insufficient_rights'] as const;
export type DenyReason = (typeof DENY_REASONS)[number];

export type AccessInput = {
  /** Null when no token matches the presented secret (or it was deleted). */
  /** Pass a compiled matcher on hot paths; a plain list is compiled on every call. */
  token: { expiresOn: IsoDate | null; whitelist: readonly string[] | WhitelistMatcher } | null;
  /** The rights of the token's role; null when the role cannot be found. */
  rights: RoleRights | null;
  clientAddress: string;
  now: Date;
  timeZone: string;
  /** Null when the action needs no module right (e.g. verifying the token itself). */
  needed: NeededRight | null;
};

export type AccessDecision = { allow: true } | { allow: false; reason: DenyReason; message: string };

function isMatcher(whitelist: readonly string[] | WhitelistMatcher): whitelist is WhitelistMatcher {
  return !Array.isArray(whitelist);
}

/**
 * Whether a presented token may act. Checks run in a fixed order — unknown, expired, IP,
 * rights — so the reason is the first failing one and a caller outside the whitelist learns
 * nothing about the token's rights. Messages never contain the secret.
 */
export function decideAccess(input: AccessInput): AccessDecision {
  const { token, rights, clientAddress, now, timeZone, needed } = input;
  if (token === null) {
    return { allow: false, reason: 'unknown_token', message: 'The token is unknown or has been deleted.' };
  }
  if (tokenStatus(token.expiresOn, now, timeZone) === 'expired') {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a token without an expiry date is never expired; the test only narrows the type
    const on = token.expiresOn === null ? '' : ` on ${formatDisplayDate(token.expiresOn)}`;
    return { allow: false, reason: 'expired', message: `The token expired${on}.` };
  }
  const matcher = isMatcher(token.whitelist) ? token.whitelist : compileWhitelist(token.whitelist);
  if (!matcher.matches(clientAddress)) {
    const seen = normalizeClientAddress(clientAddress) ?? (clientAddress.trim() || 'an unknown address');
    return {
      allow: false,
      reason: 'ip_not_allowed',
      message: `Requests from ${seen} are not allowed by the token's IP whitelist.`,
    };
  }
  if (needed !== null && (rights === null || !grants(rights, needed))) {
    return {
      allow: false,
      reason: 'insufficient_rights',
      message: `The token's role lacks the "${RIGHT_LABELS[needed.right]}" right on ${moduleByKey(needed.module).name}.`,
    };
  }
  return { allow: true };
}

/**
 * The reason an audit row keeps for a refusal: the code, and for missing rights the right the
 * request needed ("insufficient_rights:clients:view_all"), so the history can name the module.
 */
export function denialAuditReason(reason: DenyReason, needed: NeededRight | null): string {
  return reason === 'insufficient_rights' && needed !== null ? `${reason}:${needed.module}:${needed.right}` : reason;
}

/**
 * The audit reason of a refused secret that a deleted token held, or that a rotation retired:
 * still `unknown_token` to anything that reads only the code.
 */
export function retiredSecretAuditReason(why: 'deleted' | 'rotated'): string {
  return `unknown_token:${why}`;
}

/** Which retired secret an audit reason names, if any. */
export function retiredSecretOf(reason: string | undefined): 'deleted' | 'rotated' | null {
  if (reason === retiredSecretAuditReason('deleted')) return 'deleted';
  if (reason === retiredSecretAuditReason('rotated')) return 'rotated';
  return null;
}

export function parseDenialReason(text: string): { reason: DenyReason; needed: NeededRight | null } | null {
  const [code, module, right] = text.split(':');
  const reason = DENY_REASONS.find((known) => known === code);
  if (reason === undefined) return null;
  const needed = neededRightSchema.safeParse({ module, right });
  return { reason, needed: needed.success ? needed.data : null };
}
