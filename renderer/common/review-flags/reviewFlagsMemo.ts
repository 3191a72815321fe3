import type { IdentificationToken } from '../../../shared/api/tokens';
import { reviewFlags, type ReviewFlag, type RoleRights, type TokenPolicyRules, type TokenStatus } from '../../../shared/domain';
import { statusFromFlags } from '../../../shared/inventory';

// The policy is the organisation's current one where known (live list), else null.
export type FlagContext = { rights: ReadonlyMap<number, RoleRights>; now: Date; timeZone: string; policy?: TokenPolicyRules | null };

export type FlagMap = ReadonlyMap<number, readonly ReviewFlag[]>;

export const NO_FLAGS: readonly ReviewFlag[] = [];

// Tokens are replaced, never mutated: a token's flags hold for as long as the token object and
// the context (rights, now, zone) live. Saving one token then recomputes one token, not 10,000.
const memo = new WeakMap<IdentificationToken, { context: FlagContext; flags: readonly ReviewFlag[] }>();

export function flagsOf(token: IdentificationToken, context: FlagContext): readonly ReviewFlag[] {
  const known = memo.get(token);
  if (known?.context === context) return known.flags;
  const flags = reviewFlags(token, context.rights.get(token.roleId) ?? null, context.now, context.timeZone, context.policy ?? null);
  memo.set(token, { context, flags });
  return flags;
}

export function flagMap(tokens: readonly IdentificationToken[], context: FlagContext): FlagMap {
  const out = new Map<number, readonly ReviewFlag[]>();
  for (const token of tokens) out.set(token.id, flagsOf(token, context));
  return out;
}

/*
 * A snapshot records each token's status as of when it was taken; a review is as of now. The
 * status the flags imply replaces it (a copy only where it differs), so badges, the status
 * filter and the counts agree.
 */
export function withCurrentStatus(tokens: IdentificationToken[], flags: FlagMap): IdentificationToken[] {
  let changed = false;
  const out = tokens.map((token) => {
    const status: TokenStatus = statusFromFlags(flags.get(token.id) ?? NO_FLAGS);
    if (status === token.status) return token;
    changed = true;
    return { ...token, status };
  });
  return changed ? out : tokens;
}
