import type { IdentificationToken } from '../../../shared/api/tokens';
import { reviewFlags, type ReviewFlag, type RoleRights, type TokenPolicyRules } from '../../../shared/domain';
import type { FlagContext } from './reviewFlagsMemo';

type Entry = { token: IdentificationToken; flags: readonly ReviewFlag[] };

// What the flags depend on besides the context: the server bumps `version` on every edit, and
// a use moves `lastUsedAt` without a new version. `createdAt` tells apart two tokens with the
// same id and version from different inventories (files under review).
const sameVersion = (a: IdentificationToken, b: IdentificationToken): boolean =>
  a === b || (a.id === b.id && a.version === b.version && a.lastUsedAt === b.lastUsedAt && a.roleId === b.roleId && a.createdAt === b.createdAt);

/**
 * The review flags of one list's tokens, computed once per token version and context: a
 * refresh or a delta sync brings new token objects for the whole inventory, but only the tokens
 * that changed are flagged again. A new context (the hourly "now", a role's rights, the zone, the policy)
 * starts afresh (the caller keeps the policy by value for that reason).
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
    if (
      previous !== null &&
      previous.rights === rights &&
      previous.now.getTime() === now.getTime() &&
      previous.timeZone === timeZone &&
      (previous.policy ?? null) === policy
    )
      return previous;
    return { rights, now, timeZone, policy };
  }

  flagsOf(token: IdentificationToken, context: FlagContext): readonly ReviewFlag[] {
    if (context !== this.context) {
      this.context = context;
      this.byId = new Map();
    }
    const known = this.byId.get(token.id);
    if (known !== undefined && sameVersion(known.token, token)) return known.flags;
    const flags = reviewFlags(token, context.rights.get(token.roleId) ?? null, context.now, context.timeZone, context.policy ?? null);
    this.byId.set(token.id, { token, flags });
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
