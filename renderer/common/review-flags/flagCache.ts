import type { IdentificationToken } from '../../../shared/api/tokens';
import { breaksTokenPolicy, REVIEW_FLAG_KEYS, reviewFlags, type ReviewFlag, type RoleRights, type TokenPolicyRules } from '../../../shared/domain';
import type { FlagContext } from './reviewFlagsMemo';

// `base`: every flag but breaks_policy, which is kept apart with the policy it was checked
// against: the policy arrives after the list, and must not flag every token again.
type Entry = { token: IdentificationToken; base: readonly ReviewFlag[]; policy: TokenPolicyRules | null; flags: readonly ReviewFlag[] };

// What the flags depend on besides the context: the server bumps `version` on every edit, and
// a use moves `lastUsedAt` without a new version. `createdAt` tells apart two tokens with the
// same id and version from different inventories (files under review).
const sameVersion = (a: IdentificationToken, b: IdentificationToken): boolean =>
  a === b || (a.id === b.id && a.version === b.version && a.lastUsedAt === b.lastUsedAt && a.roleId === b.roleId && a.createdAt === b.createdAt);

const sameBase = (a: FlagContext, b: FlagContext): boolean => a.rights === b.rights && a.now.getTime() === b.now.getTime() && a.timeZone === b.timeZone;

function withPolicyFlag(base: readonly ReviewFlag[], breaks: boolean): readonly ReviewFlag[] {
  return breaks ? REVIEW_FLAG_KEYS.filter((flag) => flag === 'breaks_policy' || base.includes(flag)) : base;
}

/**
 * The review flags of one list's tokens, computed once per token version and context: a
 * refresh or a delta sync brings new token objects for the whole inventory, but only the tokens
 * that changed are flagged again. A new context (the hourly "now", a role's rights, the zone)
 * starts afresh; a new policy (kept by value by the caller) checks only the policy again.
 */
export class FlagCache {
  private context: FlagContext | null = null;
  private byId = new Map<number, Entry>();

  /**
   * The context of the flags: the previous one while nothing it holds changed (each refresh
   * lists the roles anew; equal rights must not flag every token again).
   */
  contextFor(roles: readonly { id: number; rights: RoleRights }[], now: Date, timeZone: string, policy: TokenPolicyRules | null = null): FlagContext {
    const previous = this.context;
    const rights = stableRights(roles, previous?.rights ?? null);
    const next = { rights, now, timeZone, policy };
    return previous !== null && sameBase(previous, next) && (previous.policy ?? null) === policy ? previous : next;
  }

  flagsOf(token: IdentificationToken, context: FlagContext): readonly ReviewFlag[] {
    if (context !== this.context) {
      if (this.context === null || !sameBase(this.context, context)) this.byId = new Map();
      this.context = context;
    }
    const policy = context.policy ?? null;
    const known = this.byId.get(token.id);
    if (known !== undefined && sameVersion(known.token, token)) {
      if (known.policy === policy) return known.flags;
      const flags = withPolicyFlag(known.base, breaksTokenPolicy(token, policy, context.now, context.timeZone));
      this.byId.set(token.id, { ...known, policy, flags });
      return flags;
    }
    const base = reviewFlags(token, context.rights.get(token.roleId) ?? null, context.now, context.timeZone);
    const flags = withPolicyFlag(base, breaksTokenPolicy(token, policy, context.now, context.timeZone));
    this.byId.set(token.id, { token, base, policy, flags });
    return flags;
  }

  /** The flags of every token, by id (tokens no longer listed are forgotten). */
  flagMap(tokens: readonly IdentificationToken[], context: FlagContext): Map<number, readonly ReviewFlag[]> {
    const out = new Map<number, readonly ReviewFlag[]>();
    for (const token of tokens) out.set(token.id, this.flagsOf(token, context));
    if (this.byId.size > out.size) for (const id of this.byId.keys()) if (!out.has(id)) this.byId.delete(id);
    return out;
  }
}

/**
 * The rights of every role by id, kept from `previous` when no role's rights changed: each
 * refresh lists the roles anew, and new but equal rights must not flag every token again.
 */
export function stableRights(
  roles: readonly { id: number; rights: RoleRights }[],
  previous: ReadonlyMap<number, RoleRights> | null,
): ReadonlyMap<number, RoleRights> {
  const next = new Map(roles.map((role) => [role.id, role.rights]));
  if (previous === null || previous.size !== next.size) return next;
  for (const [id, rights] of next) {
    const before = previous.get(id);
    if (before === undefined || (before !== rights && JSON.stringify(before) !== JSON.stringify(rights))) return next;
  }
  return previous;
}
