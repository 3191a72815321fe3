import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';

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

const SESSION_COLUMNS = ['s.id', 's.employee_id as employeeId', 's.last_seen_at as lastSeenAt', 's.revoked_at as revokedAt'] as const;

// Only SHA-256 hashes of access and refresh tokens are stored.
export class SessionsRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async create(employeeId: number, at: Date): Promise<number> {
    const now = at.toISOString();
    const { id } = await this.db.insertInto('sessions').values({ employee_id: employeeId, created_at: now, last_seen_at: now })
      .returning('id').executeTakeFirstOrThrow();
    return id;
  }

  async addAccessToken(sessionId: number, hash: Buffer, expiresAt: Date): Promise<void> {
    await this.db.insertInto('access_tokens').values({ hash, session_id: sessionId, expires_at: expiresAt.toISOString() }).execute();
  }

  async addRefreshToken(sessionId: number, hash: Buffer, expiresAt: Date): Promise<void> {
    await this.db.insertInto('refresh_tokens').values({ hash, session_id: sessionId, expires_at: expiresAt.toISOString() }).execute();
  }

  async findByAccessHash(hash: Buffer): Promise<AccessLookup | undefined> {
    return this.db.selectFrom('access_tokens as a').innerJoin('sessions as s', 's.id', 'a.session_id')
      .select([...SESSION_COLUMNS, 'a.expires_at as expiresAt']).where('a.hash', '=', hash).executeTakeFirst();
  }

  async findByRefreshHash(hash: Buffer): Promise<RefreshLookup | undefined> {
    return this.db.selectFrom('refresh_tokens as r').innerJoin('sessions as s', 's.id', 'r.session_id')
      .select([...SESSION_COLUMNS, 'r.expires_at as expiresAt', 'r.used_at as usedAt']).where('r.hash', '=', hash).executeTakeFirst();
  }

  /**
   * Marks the refresh token used; false when another request used it first. The condition and
   * the row count decide, so two nodes presenting it at once cannot both win.
   */
  async useRefreshToken(hash: Buffer, at: Date): Promise<boolean> {
    const result = await this.db.updateTable('refresh_tokens').set({ used_at: at.toISOString() })
      .where('hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async dropExpiredAccessTokens(sessionId: number, now: Date): Promise<void> {
    await this.db.deleteFrom('access_tokens').where('session_id', '=', sessionId).where('expires_at', '<=', now.toISOString()).execute();
  }

  async touch(sessionId: number, at: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at.toISOString() }).where('id', '=', sessionId).execute();
  }

  // Keeps the session row (and its used refresh hashes) so a replayed token is still recognised.
  // Call it inside a transaction: the session ends and its access tokens go together.
  async revoke(sessionId: number, reason: string, at: Date): Promise<void> {
    await this.db.updateTable('sessions')
      .set((eb) => ({
        revoked_at: eb.fn.coalesce('revoked_at', eb.val(at.toISOString())),
        revoked_reason: eb.fn.coalesce('revoked_reason', eb.val(reason)),
      }))
      .where('id', '=', sessionId).execute();
    await this.db.deleteFrom('access_tokens').where('session_id', '=', sessionId).execute();
  }

  /** Forgets sessions that ended long ago. */
  async purge(before: Date): Promise<void> {
    await this.db.deleteFrom('sessions').where('last_seen_at', '<', before.toISOString()).execute();
  }
}
