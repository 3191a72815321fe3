import type { IdentificationToken } from '../../../shared/api/tokens';
import type { ReviewFlag, RoleRights, TokenPolicyRules, TokenStatus } from '../../../shared/domain';
import { statusFromFlags } from '../../../shared/inventory';

// The policy is the organisation's current one where known (live list), else null.
export type FlagContext = { rights: ReadonlyMap<number, RoleRights>; now: Date; timeZone: string; policy?: TokenPolicyRules | null };

export type FlagMap = ReadonlyMap<number, readonly ReviewFlag[]>;

export const NO_FLAGS: readonly ReviewFlag[] = [];

/*
 * A snapshot records each token's status as of when it was taken; a review is as of now. The
 * status the flags imply replaces it (a copy only where it differs), so badges, the status
 * filter and the counts agree.
 */
export function withCurrentStatus(tokens: IdentificationToken[], flags: FlagMap): IdentificationToken[] {
  // Copied from the first token whose status moved on: usually none has, and the list stays.
  let out: IdentificationToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IdentificationToken;
    const status: TokenStatus = statusFromFlags(flags.get(token.id) ?? NO_FLAGS);
    if (status !== token.status) {
      out ??= tokens.slice(0, i);
      out.push({ ...token, status });
    } else if (out !== null) out.push(token);
  }
  return out ?? tokens;
}
