import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { SortOrder, TokenSort } from '../../../shared/api';
import type { Schema, TokensTable } from '../db/schema';
import type { StoreKind } from '../db/store';

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
  owner: string | null;
  description: string | null;
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
  owner?: { value: string; key: string } | null;
  description?: string | null;
}

export interface TokenChanges {
  name?: { value: string; key: string };
  roleId?: number;
  whitelist?: string[];
  expiresOn?: string | null;
  owner?: { value: string; key: string } | null;
  description?: string | null;
}

export interface TokenFilter {
  /** Compared with the names' and owners' case-folded keys, so "é" finds "É" too. */
  searchKey?: string;
  roleId?: number;
  createdBy?: number;
  /** Expiry dates (YYYY-MM-DD) as a range; `orNever` also keeps tokens without one. */
  expires?: { before?: string; from?: string; through?: string; after?: string; orNever?: boolean };
}

/** Where a page starts: after this sort key and id (keyset), or after `offset` rows. */
export interface TokenPageQuery {
  filter: TokenFilter;
  sort: TokenSort;
  order: SortOrder;
  after?: { key: string; id: number };
  offset?: number;
  limit: number;
}

export type SortedTokenRow = TokenRow & { sortKey: string };
export type ChangedTokenRow = TokenRow & { changeSeq: number };

// A token's own columns; the role's and the creator's names come by a join, or for a page
// from the few roles and creators it names (named).
const OWN_COLUMNS = [
  't.id', 't.name', 't.role_id as roleId', 't.whitelist', 't.expires_on as expiresOn',
  't.secret_hint as secretHint', 't.created_at as createdAt', 't.created_by as createdById',
  't.updated_at as updatedAt', 't.last_used_at as lastUsedAt', 't.last_used_ip as lastUsedIp', 't.version',
  't.previous_secret_hint as previousSecretHint', 't.previous_valid_until as previousValidUntil',
  't.owner', 't.description',
] as const;
const COLUMNS = [...OWN_COLUMNS, 'r.name as roleName', 'e.name as createdByName'] as const;
const HASHES = ['t.secret_hash as secretHash', 't.previous_secret_hash as previousSecretHash'] as const;

// The driver's row object is the caller's alone: its whitelist is parsed in place rather than
// the row copied (a listing page has 1,000 rows, and every copy is garbage to collect).
function toToken<T extends { whitelist: string }>(raw: T): Omit<T, 'whitelist'> & { whitelist: string[] } {
  const row = raw as Omit<T, 'whitelist'> & { whitelist: string | string[] };
  row.whitelist = JSON.parse(raw.whitelist) as string[];
  return row as Omit<T, 'whitelist'> & { whitelist: string[] };
}

// LIKE wildcards in a search are literal text.
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class TokensRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly kind: StoreKind = 'sqlite',
  ) {}

  /**
   * The expression a listing orders by, the very one its index (migration 3) is built on:
   * empty dates sort last in both directions, and text compares by bytes on both stores.
   */
  private sortKey(sort: TokenSort, order: SortOrder): RawBuilder<string> {
    const sentinel = order === 'asc' ? '~' : '';
    const expression = {
      name: sql`t.name_key`,
      expiresOn: sql`COALESCE(t.expires_on, ${sql.lit(sentinel)})`,
      createdAt: sql`t.created_at`,
      lastUsedAt: sql`COALESCE(t.last_used_at, ${sql.lit(sentinel)})`,
    }[sort];
    return this.kind === 'postgres' ? sql<string>`(${expression} COLLATE "C")` : sql<string>`${expression}`;
  }

  // Tokens only: every token has its role and creator (foreign keys), so a join filters nothing.
  private filtered(filter: TokenFilter) {
    let query = this.db.selectFrom('tokens as t');
    if (filter.searchKey) {
      const pattern = likePattern(filter.searchKey);
      query = query.where(sql<boolean>`(t.name_key LIKE ${pattern} ESCAPE '\\' OR t.owner_key LIKE ${pattern} ESCAPE '\\')`);
    }
    if (filter.roleId !== undefined) query = query.where('t.role_id', '=', filter.roleId);
    if (filter.createdBy !== undefined) query = query.where('t.created_by', '=', filter.createdBy);
    const range = filter.expires;
    if (range) {
      query = query.where((eb) => {
        const dated: Expression<SqlBool>[] = [eb('t.expires_on', 'is not', null)];
        if (range.before !== undefined) dated.push(eb('t.expires_on', '<', range.before));
        if (range.from !== undefined) dated.push(eb('t.expires_on', '>=', range.from));
        if (range.through !== undefined) dated.push(eb('t.expires_on', '<=', range.through));
        if (range.after !== undefined) dated.push(eb('t.expires_on', '>', range.after));
        return range.orNever ? eb.or([eb.and(dated), eb('t.expires_on', 'is', null)]) : eb.and(dated);
      });
    }
    return query;
  }

  /** One page in the requested order; reads only the rows of the page (and those skipped by an offset). */
  async listPage(page: TokenPageQuery): Promise<SortedTokenRow[]> {
    const key = this.sortKey(page.sort, page.order);
    const direction = page.order === 'desc' ? sql`DESC` : sql`ASC`;
    let query = this.filtered(page.filter).select(OWN_COLUMNS).select(key.as('sortKey'));
    if (page.after) {
      // Spelled out rather than as a row value, (key, id) > (k, i): SQLite uses an expression
      // index for `key >= k` but not for a row-value comparison on it.
      const { key: k, id: i } = page.after;
      query = page.order === 'desc'
        ? query.where(sql<boolean>`${key} <= ${k} AND (${key} < ${k} OR t.id < ${i})`)
        : query.where(sql<boolean>`${key} >= ${k} AND (${key} > ${k} OR t.id > ${i})`);
    }
    query = query.orderBy(sql`${key} ${direction}`).orderBy(sql`t.id ${direction}`).limit(page.limit);
    if (page.offset) query = query.offset(page.offset);
    const rows = (await query.execute()).map(toToken);
    const named = await this.named(rows);
    if (named) return named;
    // A role the page named was removed since (its tokens moved first): read the page again, joined.
    const joined = query.innerJoin('roles as r', 'r.id', 't.role_id').innerJoin('employees as e', 'e.id', 't.created_by')
      .select(['r.name as roleName', 'e.name as createdByName']);
    return (await joined.execute()).map(toToken);
  }

  /**
   * The rows with their role's and creator's names, read once for the few a page names: a
   * join looked both up for every row, 40 % of a 1,000-row page's query on SQLite. Undefined
   * when one of them is gone by now.
   */
  private async named<T extends { roleId: number; createdById: number }>(rows: T[]): Promise<(T & { roleName: string; createdByName: string })[] | undefined> {
    if (rows.length === 0) return [];
    const [roles, creators] = await Promise.all([
      this.db.selectFrom('roles').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((row) => row.roleId))]).execute(),
      this.db.selectFrom('employees').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((row) => row.createdById))]).execute(),
    ]);
    const roleNames = new Map(roles.map((role) => [role.id, role.name]));
    const creatorNames = new Map(creators.map((creator) => [creator.id, creator.name]));
    const named: (T & { roleName: string; createdByName: string })[] = [];
    for (const row of rows) {
      const roleName = roleNames.get(row.roleId);
      const createdByName = creatorNames.get(row.createdById);
      if (roleName === undefined || createdByName === undefined) return undefined;
      named.push(Object.assign(row, { roleName, createdByName }));
    }
    return named;
  }

  async count(filter: TokenFilter): Promise<number> {
    const row = await this.filtered(filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The change counter now: every change up to it is committed and visible. Read it before the rows. */
  async changeSequence(): Promise<number> {
    const row = await this.db.selectFrom('change_counter').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
    return Number(row.value);
  }

  /** Tokens whose change_seq is above `since`, in change order, after `after` when given. */
  async changedSince(since: number, limit: number, createdBy?: number, after?: { seq: number; id: number }): Promise<ChangedTokenRow[]> {
    let query = this.select().select([...COLUMNS, 't.change_seq as changeSeq']).where('t.change_seq', '>', since);
    if (createdBy !== undefined) query = query.where('t.created_by', '=', createdBy);
    if (after) query = query.where(sql<boolean>`(t.change_seq, t.id) > (${after.seq}, ${after.id})`);
    const rows = await query.orderBy('t.change_seq').orderBy('t.id').limit(limit).execute();
    return rows.map((raw) => ({ ...toToken(raw), changeSeq: Number(raw.changeSeq) }));
  }

  /** Ids of the tokens deleted after `since` and up to `through`. */
  async deletedSince(since: number, through: number, createdBy?: number): Promise<number[]> {
    let query = this.db.selectFrom('token_tombstones').select('token_id')
      .where('change_seq', '>', since).where('change_seq', '<=', through);
    if (createdBy !== undefined) query = query.where('created_by', '=', createdBy);
    return [...new Set((await query.orderBy('change_seq').execute()).map((row) => row.token_id))];
  }

  /**
   * Moves the cursor of the tokens a change elsewhere alters (a role's rights or name, an
   * employee's name), with one new counter value. The triggers do it for writes to roles and
   * employees already; this is for a write they cannot see. Call it inside that write's transaction.
   */
  async markChanged(where: { roleId?: number; createdBy?: number }): Promise<void> {
    if (where.roleId === undefined && where.createdBy === undefined) return;
    let locked = this.db.selectFrom('tokens').select('id');
    if (where.roleId !== undefined) locked = locked.where('role_id', '=', where.roleId);
    if (where.createdBy !== undefined) locked = locked.where('created_by', '=', where.createdBy);
    // Token rows first, then the counter: the order every writer takes (pg-migrations, version 3).
    if (this.kind === 'postgres') await locked.orderBy('id').forUpdate().execute();
    const { value } = await this.db.updateTable('change_counter').set((eb) => ({ value: eb('value', '+', 1) }))
      .where('id', '=', 1).returning('value').executeTakeFirstOrThrow();
    let update = this.db.updateTable('tokens').set({ change_seq: value });
    if (where.roleId !== undefined) update = update.where('role_id', '=', where.roleId);
    if (where.createdBy !== undefined) update = update.where('created_by', '=', where.createdBy);
    await update.execute();
  }

  /** Forgets the deletions made before `before` (ISO instant); answers the last change_seq forgotten. */
  async purgeTombstones(before: string): Promise<number | null> {
    const rows = await this.db.deleteFrom('token_tombstones').where('deleted_at', '<', before).returning('change_seq').execute();
    return rows.length === 0 ? null : Math.max(...rows.map((row) => Number(row.change_seq)));
  }

  private select() {
    return this.db.selectFrom('tokens as t')
      .innerJoin('roles as r', 'r.id', 't.role_id')
      .innerJoin('employees as e', 'e.id', 't.created_by');
  }

  async insert(token: NewToken, at: Date): Promise<number> {
    const now = at.toISOString();
    const { id } = await this.db.insertInto('tokens').values({
      ...(this.kind === 'sqlite' ? { id: await this.unusedId() } : {}),
      name: token.name, name_key: token.nameKey, role_id: token.roleId, whitelist: JSON.stringify(token.whitelist),
      expires_on: token.expiresOn, secret_hash: token.secretHash, secret_hint: token.secretHint,
      created_at: now, created_by: token.createdBy, updated_at: now, version: 1,
      owner: token.owner?.value ?? null, owner_key: token.owner?.key ?? null, description: token.description ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  /**
   * SQLite gives the next row the id of a deleted newest one (the table has no AUTOINCREMENT):
   * a new token would then inherit the deleted one's audit trail, tombstone and first use. The
   * next id is past every id a token, a deletion or an audit event ever named (indexed maxima).
   * Call it inside the insert's transaction. PostgreSQL's sequence never goes back.
   */
  private async unusedId(): Promise<number> {
    const { rows } = await sql<{ id: number | null }>`
      SELECT max(id) AS id FROM (
        SELECT max(id) AS id FROM tokens
        UNION ALL SELECT max(token_id) FROM token_tombstones
        UNION ALL SELECT max(token_id) FROM audit_events
      )`.execute(this.db);
    return Number(rows[0]?.id ?? 0) + 1;
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
    if (changes.owner !== undefined) {
      set.owner = changes.owner?.value ?? null;
      set.owner_key = changes.owner?.key ?? null;
    }
    if (changes.description !== undefined) set.description = changes.description;
    const result = await this.db.updateTable('tokens')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', id).where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * The trigger leaves a tombstone; it is dated by the service's clock, like every other write.
   * With `version`, only that version is deleted (false when it moved on), as for update.
   */
  async delete(id: number, at?: Date, version?: number): Promise<boolean> {
    let query = this.db.deleteFrom('tokens').where('id', '=', id);
    if (version !== undefined) query = query.where('version', '=', version);
    const result = await query.executeTakeFirst();
    if (result.numDeletedRows !== 1n) return false;
    if (at) await this.db.updateTable('token_tombstones').set({ deleted_at: at.toISOString() }).where('token_id', '=', id).execute();
    return true;
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
