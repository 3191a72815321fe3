import type { NeededRight } from '../../../shared/domain';
import type { AdminContext } from '../auth/admin-context';
import type { CachedToken } from '../tokens/access-cache';

declare module 'fastify' {
  interface FastifyRequest {
    /** The resolved client address (socket peer, or X-Forwarded-For from a trusted proxy). */
    clientAddress: string;
    admin: AdminContext | null;
    publicToken: CachedToken | null;
  }
  interface FastifyContextConfig {
    /** Public routes: the right the token's role must hold; null = any usable token. */
    needed?: NeededRight | null;
  }
}

export function requireAdminContext(admin: AdminContext | null): AdminContext {
  if (!admin) throw new Error('Admin route reached without authentication.');
  return admin;
}

export function requireToken(token: CachedToken | null): CachedToken {
  if (!token) throw new Error('Public route reached without a token.');
  return token;
}
