import { sql, type Kysely, type Updateable } from 'kysely';
import type { Schema, TokensTable } from '../db/schema';

export interface TokenRow {
  id: number;
  name: string;
  roleId: number;
  roleName: string;
  whitelist: string[];
  expiresOn: string | null;
  secretHint: string;
  createdAt: string;
  createdById: number;
  createdByName: string;
  updatedAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  version: number;
  /** The secret a rotation replaced and the instant it stops working; null when none. */
  previousSecretHint: string | null;
  previousValidUntil: string | null;
}

export interface TokenWithHash extends TokenRow {
  secretHash: Buffer;
  previousSecretHash: Buffer | null;
}

export interface SecretChange {
  hash: Buffer;
  hint: string;
}

export interface NewToken {
  name: string;
  nameKey: string;
  roleId: number;
  whitelist: string[];
  expiresOn: string | null;
  secretHash: Buffer;
  secretHint: string;
  createdBy: number;
}

export interface TokenChanges {
  name?: { value: string; key: string };
  roleId?: number;
  whitelist?: string[];
  expiresOn?: string | null;
}

export interface TokenFilter {
  /** Compared with the names' case-folded keys, so "é" finds "É" too. */
  searchKey?: string;
  roleId?: number;
  createdBy?: number;
}

const COLUMNS = [
  't.id', 't.name', 't.role_id as roleId', 'r.name as roleName', 't.whitelist', 't.expires_on as expiresOn',
  't.secret_hint as secretHint', 't.created_at as createdAt', 't.created_by as createdById', 'e.name as createdByName',
  't.updated_at as updatedAt', 't.last_used_at as lastUsedAt', 't.last_used_ip as lastUsedIp', 't.version',
  't.previous_secret_hint as previousSecretHint', 't.previous_valid_until as previousValidUntil',
] as const;
const HASHES = ['t.secret_hash as secretHash', 't.previous_secret_hash as previousSecretHash'] as const;

function toToken<T extends { whitelist: string }>(raw: T): Omit<T, 'whitelist'> & { whitelist: string[] } {
  return { ...raw, whitelist: JSON.parse(raw.whitelist) as string[] };
}

// LIKE wildcards in a search are literal text.
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class TokensRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  private select() {
    return this.db.selectFrom('tokens as t')
      .innerJoin('roles as r', 'r.id', 't.role_id')
      .innerJoin('employees as e', 'e.id', 't.created_by');
  }

  async insert(token: NewToken, at: Date): Promise<number> {
    const now = at.toISOString();
    const { id } = await this.db.insertInto('tokens').values({
      name: token.name, name_key: token.nameKey, role_id: token.roleId, whitelist: JSON.stringify(token.whitelist),
      expires_on: token.expiresOn, secret_hash: token.secretHash, secret_hint: token.secretHint,
      created_at: now, created_by: token.createdBy, updated_at: now, version: 1,
    }).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  async findById(id: number): Promise<TokenRow | undefined> {
    const raw = await this.select().select(COLUMNS).where('t.id', '=', id).executeTakeFirst();
    return raw && toToken(raw);
  }

  async findByHash(hash: Buffer): Promise<TokenWithHash | undefined> {
    const raw = await this.select().select([...COLUMNS, ...HASHES])
      .where((eb) => eb.or([eb('t.secret_hash', '=', hash), eb('t.previous_secret_hash', '=', hash)]))
      .executeTakeFirst();
    return raw && toToken(raw);
  }

  /** The tokens holding any of these hashes, as current or previous secret. */
  async findManyByHash(hashes: readonly Buffer[]): Promise<TokenWithHash[]> {
    if (hashes.length === 0) return [];
    const list = [...hashes];
    const rows = await this.select().select([...COLUMNS, ...HASHES])
      .where((eb) => eb.or([eb('t.secret_hash', 'in', list), eb('t.previous_secret_hash', 'in', list)]))
      .execute();
    return rows.map(toToken);
  }

  /**
   * Replaces the secret when the stored version is still `version`: the old one becomes the
   * previous secret until `previousValidUntil`, or is dropped at once (null).
   */
  async rotate(id: number, version: number, next: SecretChange, previous: (SecretChange & { validUntil: string }) | null, at: Date): Promise<boolean> {
    const result = await this.db.updateTable('tokens')
      .set((eb) => ({
        secret_hash: next.hash, secret_hint: next.hint,
        previous_secret_hash: previous?.hash ?? null, previous_secret_hint: previous?.hint ?? null,
        previous_valid_until: previous?.validUntil ?? null,
        updated_at: at.toISOString(), version: eb('version', '+', 1),
      }))
      .where('id', '=', id).where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Forgets the previous secret (its overlap ends now); `version` as for update, or null for any. */
  async endOverlap(id: number, version: number | null, at: Date): Promise<boolean> {
    let query = this.db.updateTable('tokens')
      .set((eb) => ({
        previous_secret_hash: null, previous_secret_hint: null, previous_valid_until: null,
        updated_at: at.toISOString(), version: eb('version', '+', 1),
      }))
      .where('id', '=', id).where('previous_secret_hash', 'is not', null);
    if (version !== null) query = query.where('version', '=', version);
    const result = await query.executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async hashesOf(id: number): Promise<{ secretHash: Buffer; secretHint: string; previousSecretHash: Buffer | null; previousSecretHint: string | null } | undefined> {
    return this.db.selectFrom('tokens')
      .select(['secret_hash as secretHash', 'secret_hint as secretHint', 'previous_secret_hash as previousSecretHash', 'previous_secret_hint as previousSecretHint'])
      .where('id', '=', id).executeTakeFirst();
  }

  async idByNameKey(nameKey: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('tokens').select('id').where('name_key', '=', nameKey).executeTakeFirst();
    return row?.id;
  }

  async list(filter: TokenFilter): Promise<TokenRow[]> {
    let query = this.select().select(COLUMNS);
    if (filter.searchKey) query = query.where(sql<boolean>`t.name_key LIKE ${likePattern(filter.searchKey)} ESCAPE '\\'`);
    if (filter.roleId !== undefined) query = query.where('t.role_id', '=', filter.roleId);
    if (filter.createdBy !== undefined) query = query.where('t.created_by', '=', filter.createdBy);
    return (await query.orderBy('t.id').execute()).map(toToken);
  }

  /**
   * Applies the changes when the stored version is still `version`; false when it moved on.
   * The version condition and the row count decide, so of concurrent edits exactly one wins.
   */
  async update(id: number, version: number, changes: TokenChanges, at: Date): Promise<boolean> {
    const set: Updateable<TokensTable> = { updated_at: at.toISOString() };
    if (changes.name) {
      set.name = changes.name.value;
      set.name_key = changes.name.key;
    }
    if (changes.roleId !== undefined) set.role_id = changes.roleId;
    if (changes.whitelist !== undefined) set.whitelist = JSON.stringify(changes.whitelist);
    if (changes.expiresOn !== undefined) set.expires_on = changes.expiresOn;
    const result = await this.db.updateTable('tokens')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', id).where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('tokens').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows === 1n;
  }

  /**
   * Usage is bookkeeping, not an edit: neither version nor updated_at move. The write happens
   * only when the stored use is at least `minGapMs` older, so several nodes recording the same
   * token write it at most once per gap, and lastUsedAt never goes back in time.
   */
  async recordUse(id: number, at: Date, ip: string, minGapMs = 0): Promise<void> {
    const threshold = new Date(at.getTime() - minGapMs).toISOString();
    await this.db.updateTable('tokens').set({ last_used_at: at.toISOString(), last_used_ip: ip })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', threshold)]))
      .execute();
  }

  async countByRole(roleId: number): Promise<number> {
    const row = await this.db.selectFrom('tokens').select((eb) => eb.fn.countAll().as('n')).where('role_id', '=', roleId).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
