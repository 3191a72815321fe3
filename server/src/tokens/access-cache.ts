import { timingSafeEqual } from 'node:crypto';
import { compileWhitelist, expiryEnd, reachableModuleNames, type RoleRights, type WhitelistMatcher } from '../../../shared/domain';
import type { RolesRepository } from '../repositories/roles';
import type { TokensRepository } from '../repositories/tokens';

export interface CachedToken {
  id: number;
  name: string;
  roleId: number;
  expiresOn: string | null;
  /** End instant of expiresOn in the organisation's zone, computed once per cache fill. */
  expiresAt: string | null;
  whitelist: WhitelistMatcher;
  /** The hash this entry answers for: the token's secret, or the one a rotation replaced. */
  secretHash: Buffer;
  secret: 'current' | 'previous';
  secretHint: string;
  /** For the previous secret: the instant it stops working (checked on every request). */
  validUntil: number | null;
  /** End of the token's rotation overlap (epoch ms), or null: uses are audited per secret until then. */
  overlapUntil: number | null;
}

export interface CachedRole {
  id: number;
  name: string;
  rights: RoleRights;
  permissions: string[];
}

const DEFAULT_MAX_TOKENS = 10_000;

/**
 * What the public hot path needs per request, keyed by secret hash: the token, its compiled
 * whitelist and its role's rights. Every write that changes them invalidates the entry at once,
 * on this node directly and on the others through the store's change notices (each request
 * first waits until the notices committed before it are heard: Store.caughtUp), so a cached
 * answer is never staler than the database. Unknown hashes are not cached: a scanner cannot
 * grow the map, and the denial limiter bounds its lookups.
 *
 * A fill races with invalidations: a row read before a change commits may arrive after the
 * change's notice. Every invalidation moves `generation`, and a fill that saw it move stores
 * nothing. While the notices cannot be heard (`suspend`), nothing is cached at all.
 */
export class AccessCache {
  private readonly byHash = new Map<string, CachedToken>();
  private readonly hashById = new Map<number, string[]>();
  private readonly roles = new Map<number, CachedRole>();
  private generation = 0;
  private suspended = false;

  constructor(
    private readonly tokens: TokensRepository,
    private readonly roleRepository: RolesRepository,
    private readonly timeZone: string,
    private readonly maxTokens = DEFAULT_MAX_TOKENS,
    // The other nodes' changes committed so far are heard (Store.caughtUp).
    private readonly caughtUp: () => Promise<void> = async () => {},
  ) {}

  async token(hash: Buffer, now: Date): Promise<CachedToken | null> {
    // Taken before waiting: a notice heard meanwhile may concern the row about to be read.
    const seen = this.generation;
    await this.caughtUp();
    const key = hash.toString('base64');
    let entry = this.byHash.get(key);
    if (!entry) {
      const row = await this.tokens.findByHash(hash);
      if (!row) return null;
      const previous = row.previousSecretHash !== null && row.previousSecretHash.equals(hash);
      // Stryker disable next-line ConditionalExpression: a rotation writes the previous hash and its end together, so without an end there is no previous secret to time
      const validUntil = row.previousValidUntil === null ? null : Date.parse(row.previousValidUntil);
      entry = {
        id: row.id,
        name: row.name,
        roleId: row.roleId,
        expiresOn: row.expiresOn,
        expiresAt: row.expiresOn ? expiryEnd(row.expiresOn, this.timeZone).toISOString() : null,
        whitelist: compileWhitelist(row.whitelist),
        secretHash: previous ? (row.previousSecretHash as Buffer) : row.secretHash,
        secret: previous ? 'previous' : 'current',
        // Stryker disable next-line StringLiteral: a previous secret always has its hint (written with it by the rotation)
        secretHint: previous ? (row.previousSecretHint ?? '') : row.secretHint,
        validUntil: previous ? (validUntil ?? 0) : null,
        // Stryker disable next-line ConditionalExpression: without a previous hash there is no end either (see validUntil)
        overlapUntil: row.previousSecretHash !== null ? validUntil : null,
      };
      if (seen === this.generation && !this.suspended) this.store(key, entry);
    }
    // The lookup matched on the hash already; compare in constant time anyway so no code path
    // ever decides on a secret-derived value with an early-exit comparison.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the entry was found by this very hash, so the comparison always holds
    if (!(entry.secretHash.length === hash.length && timingSafeEqual(entry.secretHash, hash))) return null;
    // A replaced secret is refused like a deleted one from the end of its overlap, on every
    // node at once: the instant travels with the entry, no notice is needed for it.
    if (entry.secret === 'previous' && (entry.validUntil ?? 0) <= now.getTime()) return null;
    return entry;
  }

  async role(roleId: number): Promise<CachedRole | null> {
    let entry = this.roles.get(roleId);
    if (!entry) {
      const seen = this.generation;
      const row = await this.roleRepository.findById(roleId);
      if (!row) return null;
      entry = { id: row.id, name: row.name, rights: row.rights, permissions: reachableModuleNames(row.rights) };
      if (seen === this.generation && !this.suspended) this.roles.set(roleId, entry);
    }
    return entry;
  }

  invalidateToken(id: number): void {
    // Stryker disable next-line AssignmentOperator: fills compare generations for equality, so any move will do
    this.generation += 1;
    const keys = this.hashById.get(id);
    if (keys === undefined) return;
    for (const key of keys) this.byHash.delete(key);
    this.hashById.delete(id);
  }

  /**
   * The role's rights changed, or its tokens moved to another role: the role and every cached
   * token holding it are read again. A walk over the cache (at most maxTokens entries) is fine
   * for an admin's edit, which is rare next to requests.
   */
  invalidateRole(id: number): void {
    // Stryker disable next-line AssignmentOperator: fills compare generations for equality, so any move will do
    this.generation += 1;
    this.roles.delete(id);
    for (const [key, entry] of this.byHash) {
      if (entry.roleId !== id) continue;
      this.byHash.delete(key);
      this.hashById.delete(entry.id);
    }
  }

  /** Changes may be missed from now on: forget everything and cache nothing until `resume`. */
  suspend(): void {
    this.suspended = true;
    this.clear();
  }

  /** Changes are heard again; what was read before may be stale, so start empty. */
  resume(): void {
    this.clear();
    this.suspended = false;
  }

  clear(): void {
    // Stryker disable next-line AssignmentOperator: fills compare generations for equality, so any move will do
    this.generation += 1;
    this.byHash.clear();
    this.hashById.clear();
    this.roles.clear();
  }

  private store(key: string, entry: CachedToken): void {
    if (this.byHash.size >= this.maxTokens) {
      // Evict the oldest entry (Map keeps insertion order).
      const oldest = this.byHash.entries().next().value;
      // Stryker disable next-line ConditionalExpression: a full cache (maxTokens > 0) always has an oldest entry
      if (oldest) this.forget(oldest[1].id);
    }
    this.byHash.set(key, entry);
    // A rotating token has up to two entries (its secret and the replaced one).
    // Stryker disable next-line ConditionalExpression,MethodExpression,ArrayDeclaration: a key listed twice, or one never stored, is deleted as harmlessly as once
    this.hashById.set(entry.id, [...(this.hashById.get(entry.id) ?? []).filter((other) => other !== key), key]);
  }

  private forget(id: number): void {
    // Stryker disable next-line ArrayDeclaration: forget is only called with the id of a stored entry, which always has its keys
    for (const key of this.hashById.get(id) ?? []) this.byHash.delete(key);
    this.hashById.delete(id);
  }
}
