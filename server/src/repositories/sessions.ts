import type { Db } from '../db/open';
import { statementCache, type Prepare } from '../db/statements';

export interface SessionRow {
  id: number;
  employeeId: number;
  lastSeenAt: string;
  revokedAt: string | null;
}

export interface AccessLookup extends SessionRow {
  expiresAt: string;
}

export interface RefreshLookup extends SessionRow {
  expiresAt: string;
  usedAt: string | null;
}

const SESSION_COLUMNS = 's.id, s.employee_id AS employeeId, s.last_seen_at AS lastSeenAt, s.revoked_at AS revokedAt';

// Only SHA-256 hashes of access and refresh tokens are stored.
export class SessionsRepository {
  private readonly sql: Prepare;

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  create(employeeId: number, at: Date): number {
    const now = at.toISOString();
    const result = this.sql('INSERT INTO sessions (employee_id, created_at, last_seen_at) VALUES (?, ?, ?)')
      .run(employeeId, now, now);
    return Number(result.lastInsertRowid);
  }

  addAccessToken(sessionId: number, hash: Buffer, expiresAt: Date): void {
    this.sql('INSERT INTO access_tokens (hash, session_id, expires_at) VALUES (?, ?, ?)').run(hash, sessionId, expiresAt.toISOString());
  }

  addRefreshToken(sessionId: number, hash: Buffer, expiresAt: Date): void {
    this.sql('INSERT INTO refresh_tokens (hash, session_id, expires_at) VALUES (?, ?, ?)').run(hash, sessionId, expiresAt.toISOString());
  }

  findByAccessHash(hash: Buffer): AccessLookup | undefined {
    return this.sql(`SELECT ${SESSION_COLUMNS}, a.expires_at AS expiresAt FROM access_tokens a JOIN sessions s ON s.id = a.session_id WHERE a.hash = ?`)
      .get(hash) as AccessLookup | undefined;
  }

  findByRefreshHash(hash: Buffer): RefreshLookup | undefined {
    return this.sql(`SELECT ${SESSION_COLUMNS}, r.expires_at AS expiresAt, r.used_at AS usedAt FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.hash = ?`)
      .get(hash) as RefreshLookup | undefined;
  }

  /** Marks the refresh token used; false when another request used it first. */
  useRefreshToken(hash: Buffer, at: Date): boolean {
    return this.sql('UPDATE refresh_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL').run(at.toISOString(), hash).changes === 1;
  }

  dropExpiredAccessTokens(sessionId: number, now: Date): void {
    this.sql('DELETE FROM access_tokens WHERE session_id = ? AND expires_at <= ?').run(sessionId, now.toISOString());
  }

  touch(sessionId: number, at: Date): void {
    this.sql('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(at.toISOString(), sessionId);
  }

  // Keeps the session row (and its used refresh hashes) so a replayed token is still recognised.
  revoke(sessionId: number, reason: string, at: Date): void {
    this.db.transaction(() => {
      this.sql('UPDATE sessions SET revoked_at = coalesce(revoked_at, ?), revoked_reason = coalesce(revoked_reason, ?) WHERE id = ?').run(at.toISOString(), reason, sessionId);
      this.sql('DELETE FROM access_tokens WHERE session_id = ?').run(sessionId);
    })();
  }

  /** Forgets sessions that ended long ago. */
  purge(before: Date): void {
    this.sql('DELETE FROM sessions WHERE last_seen_at < ?').run(before.toISOString());
  }
}
