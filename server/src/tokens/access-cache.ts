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
  secretHash: Buffer;
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
 * so a cached answer is never staler than the database. Unknown hashes are not cached: a
 * scanner cannot grow the map, and the denial limiter bounds its lookups.
 */
export class AccessCache {
  private readonly byHash = new Map<string, CachedToken>();
  private readonly hashById = new Map<number, string>();
  private readonly roles = new Map<number, CachedRole>();

  constructor(
    private readonly tokens: TokensRepository,
    private readonly roleRepository: RolesRepository,
    private readonly timeZone: string,
    private readonly maxTokens = DEFAULT_MAX_TOKENS,
  ) {}

  token(hash: Buffer): CachedToken | null {
    const key = hash.toString('base64');
    let entry = this.byHash.get(key);
    if (!entry) {
      const row = this.tokens.findByHash(hash);
      if (!row) return null;
      entry = {
        id: row.id,
        name: row.name,
        roleId: row.roleId,
        expiresOn: row.expiresOn,
        expiresAt: row.expiresOn ? expiryEnd(row.expiresOn, this.timeZone).toISOString() : null,
        whitelist: compileWhitelist(row.whitelist),
        secretHash: row.secretHash,
      };
      this.store(key, entry);
    }
    // The lookup matched on the hash already; compare in constant time anyway so no code path
    // ever decides on a secret-derived value with an early-exit comparison.
    return entry.secretHash.length === hash.length && timingSafeEqual(entry.secretHash, hash) ? entry : null;
  }

  role(roleId: number): CachedRole | null {
    let entry = this.roles.get(roleId);
    if (!entry) {
      const row = this.roleRepository.findById(roleId);
      if (!row) return null;
      entry = { id: row.id, name: row.name, rights: row.rights, permissions: reachableModuleNames(row.rights) };
      this.roles.set(roleId, entry);
    }
    return entry;
  }

  invalidateToken(id: number): void {
    const key = this.hashById.get(id);
    if (key === undefined) return;
    this.byHash.delete(key);
    this.hashById.delete(id);
  }

  clear(): void {
    this.byHash.clear();
    this.hashById.clear();
    this.roles.clear();
  }

  private store(key: string, entry: CachedToken): void {
    if (this.byHash.size >= this.maxTokens) {
      // Evict the oldest entry (Map keeps insertion order).
      const oldest = this.byHash.entries().next().value;
      if (oldest) {
        this.byHash.delete(oldest[0]);
        this.hashById.delete(oldest[1].id);
      }
    }
    this.byHash.set(key, entry);
    this.hashById.set(entry.id, key);
  }
}
