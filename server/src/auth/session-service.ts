import { randomBytes } from 'node:crypto';
import { ERROR_CODES, type SessionTokens } from '../../../shared/api';
import type { Store } from '../db/store';
import { HttpError } from '../http/http-error';
import type { Repositories } from '../repositories';
import { sha256 } from '../tokens/secrets';

export const ACCESS_TTL_MS = 15 * 60_000;
export const IDLE_TIMEOUT_MS = 60 * 60_000;
// Ended sessions are kept a day, so a replayed refresh token is still recognised as reuse.
const KEEP_ENDED_MS = 24 * 60 * 60_000;
// Writing last_seen_at on every request would make each admin call a write.
const TOUCH_EVERY_MS = 15_000;

export interface SessionIdentity {
  sessionId: number;
  employeeId: number;
}

function newOpaqueToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

function unauthorized(code: string, message: string): HttpError {
  return new HttpError(401, code, message);
}

export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
  ) {}

  start(employeeId: number): Promise<SessionTokens> {
    return this.store.transaction(async ({ sessions }) => {
      const now = this.clock();
      await sessions.purge(new Date(now.getTime() - KEEP_ENDED_MS));
      const sessionId = await sessions.create(employeeId, now);
      return this.issuePair(sessions, sessionId, now);
    });
  }

  async authenticate(accessToken: string): Promise<SessionIdentity> {
    const now = this.clock();
    const found = await this.store.repos.sessions.findByAccessHash(sha256(accessToken));
    if (!found || found.revokedAt !== null) throw unauthorized(ERROR_CODES.unauthorized, 'Sign in again.');
    if (Date.parse(found.expiresAt) <= now.getTime()) {
      throw unauthorized(ERROR_CODES.sessionExpired, 'The access token has expired; refresh it.');
    }
    const idle = now.getTime() - Date.parse(found.lastSeenAt);
    if (idle >= IDLE_TIMEOUT_MS) {
      await this.revoke(found.id, 'idle', now);
      throw unauthorized(ERROR_CODES.sessionExpired, 'The session ended after 60 minutes without activity.');
    }
    if (idle >= TOUCH_EVERY_MS) await this.store.repos.sessions.touch(found.id, now);
    return { sessionId: found.id, employeeId: found.employeeId };
  }

  /**
   * Rotates the pair. A refresh token presented twice means it leaked: the whole session ends.
   * Presented on two nodes at once, the conditional update lets exactly one use it; the other
   * waits for that transaction, then sees it used and ends the session, pair included.
   */
  async refresh(refreshToken: string): Promise<{ tokens: SessionTokens; employeeId: number }> {
    // The outcome is returned, not thrown, so the session's end commits.
    const outcome = await this.store.transaction(async (repos) => {
      const { sessions } = repos;
      const now = this.clock();
      const hash = sha256(refreshToken);
      const found = await sessions.findByRefreshHash(hash);
      if (!found) return unauthorized(ERROR_CODES.unauthorized, 'Unknown refresh token; sign in again.');
      if (found.revokedAt !== null) return unauthorized(ERROR_CODES.unauthorized, 'This session has ended; sign in again.');
      if (found.usedAt !== null || !(await sessions.useRefreshToken(hash, now))) {
        await sessions.revoke(found.id, 'refresh_reuse', now);
        return unauthorized(ERROR_CODES.refreshTokenReused, 'This refresh token was already used; the session has been ended.');
      }
      const idle = now.getTime() - Date.parse(found.lastSeenAt);
      if (Date.parse(found.expiresAt) <= now.getTime() || idle >= IDLE_TIMEOUT_MS) {
        await sessions.revoke(found.id, 'idle', now);
        return unauthorized(ERROR_CODES.sessionExpired, 'The session ended after 60 minutes without activity.');
      }
      await sessions.touch(found.id, now);
      return { tokens: await this.issuePair(sessions, found.id, now), employeeId: found.employeeId };
    });
    if (outcome instanceof HttpError) throw outcome;
    return outcome;
  }

  async end(sessionId: number): Promise<void> {
    await this.revoke(sessionId, 'logout', this.clock());
  }

  private revoke(sessionId: number, reason: string, at: Date): Promise<void> {
    return this.store.transaction(({ sessions }) => sessions.revoke(sessionId, reason, at));
  }

  private async issuePair(sessions: Repositories['sessions'], sessionId: number, now: Date): Promise<SessionTokens> {
    const accessToken = newOpaqueToken('wfa_');
    const refreshToken = newOpaqueToken('wfr_');
    const accessTokenExpiresAt = new Date(now.getTime() + ACCESS_TTL_MS);
    const refreshTokenExpiresAt = new Date(now.getTime() + IDLE_TIMEOUT_MS);
    await sessions.dropExpiredAccessTokens(sessionId, now);
    await sessions.addAccessToken(sessionId, sha256(accessToken), accessTokenExpiresAt);
    await sessions.addRefreshToken(sessionId, sha256(refreshToken), refreshTokenExpiresAt);
    return {
      accessToken,
      accessTokenExpiresAt: accessTokenExpiresAt.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: refreshTokenExpiresAt.toISOString(),
    };
  }
}
