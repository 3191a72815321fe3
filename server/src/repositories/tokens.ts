import type { Db } from '../db/open';
import { statementCache, type Prepare } from '../db/statements';

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
}

export interface TokenWithHash extends TokenRow {
  secretHash: Buffer;
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

type RawToken = Omit<TokenRow, 'whitelist'> & { whitelist: string };

const SELECT = `
  SELECT t.id, t.name, t.role_id AS roleId, r.name AS roleName, t.whitelist, t.expires_on AS expiresOn,
         t.secret_hint AS secretHint, t.created_at AS createdAt, t.created_by AS createdById,
         e.name AS createdByName, t.updated_at AS updatedAt, t.last_used_at AS lastUsedAt,
         t.last_used_ip AS lastUsedIp, t.version
  FROM tokens t JOIN roles r ON r.id = t.role_id JOIN employees e ON e.id = t.created_by`;

function toToken(raw: RawToken): TokenRow {
  return { ...raw, whitelist: JSON.parse(raw.whitelist) as string[] };
}

// LIKE wildcards in a search are literal text.
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class TokensRepository {
  private readonly sql: Prepare;

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  insert(token: NewToken, at: Date): number {
    const now = at.toISOString();
    const result = this.sql(
        `INSERT INTO tokens (name, name_key, role_id, whitelist, expires_on, secret_hash, secret_hint,
                             created_at, created_by, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(token.name, token.nameKey, token.roleId, JSON.stringify(token.whitelist), token.expiresOn,
        token.secretHash, token.secretHint, now, token.createdBy, now);
    return Number(result.lastInsertRowid);
  }

  findById(id: number): TokenRow | undefined {
    const raw = this.sql(`${SELECT} WHERE t.id = ?`).get(id) as RawToken | undefined;
    return raw && toToken(raw);
  }

  findByHash(hash: Buffer): TokenWithHash | undefined {
    const raw = this.sql(`${SELECT.replace('t.version', 't.version, t.secret_hash AS secretHash')} WHERE t.secret_hash = ?`)
      .get(hash) as (RawToken & { secretHash: Buffer }) | undefined;
    return raw && { ...toToken(raw), secretHash: raw.secretHash };
  }

  idByNameKey(nameKey: string): number | undefined {
    return this.sql('SELECT id FROM tokens WHERE name_key = ?').pluck().get(nameKey) as number | undefined;
  }

  list(filter: TokenFilter): TokenRow[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.searchKey) {
      where.push(`t.name_key LIKE ? ESCAPE '\\'`);
      params.push(likePattern(filter.searchKey));
    }
    if (filter.roleId !== undefined) {
      where.push('t.role_id = ?');
      params.push(filter.roleId);
    }
    if (filter.createdBy !== undefined) {
      where.push('t.created_by = ?');
      params.push(filter.createdBy);
    }
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY t.id`;
    return (this.sql(sql).all(...params) as RawToken[]).map(toToken);
  }

  /** Applies the changes when the stored version is still `version`; false when it moved on. */
  update(id: number, version: number, changes: TokenChanges, at: Date): boolean {
    const sets = ['version = version + 1', 'updated_at = ?'];
    const params: (string | number | null)[] = [at.toISOString()];
    if (changes.name) {
      sets.push('name = ?', 'name_key = ?');
      params.push(changes.name.value, changes.name.key);
    }
    if (changes.roleId !== undefined) {
      sets.push('role_id = ?');
      params.push(changes.roleId);
    }
    if (changes.whitelist !== undefined) {
      sets.push('whitelist = ?');
      params.push(JSON.stringify(changes.whitelist));
    }
    if (changes.expiresOn !== undefined) {
      sets.push('expires_on = ?');
      params.push(changes.expiresOn);
    }
    const result = this.sql(`UPDATE tokens SET ${sets.join(', ')} WHERE id = ? AND version = ?`)
      .run(...params, id, version);
    return result.changes === 1;
  }

  delete(id: number): boolean {
    return this.sql('DELETE FROM tokens WHERE id = ?').run(id).changes === 1;
  }

  // Usage is bookkeeping, not an edit: neither version nor updated_at move.
  recordUse(id: number, at: Date, ip: string): void {
    this.sql('UPDATE tokens SET last_used_at = ?, last_used_ip = ? WHERE id = ?').run(at.toISOString(), ip, id);
  }

  countByRole(roleId: number): number {
    return this.sql('SELECT count(*) FROM tokens WHERE role_id = ?').pluck().get(roleId) as number;
  }
}
