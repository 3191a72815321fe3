import type { FastifyRequest } from 'fastify';
import { RIGHT_LABELS, grants, moduleName, type NeededRight } from '../../../shared/domain';
import { ERROR_CODES } from '../../../shared/api';
import { HttpError } from '../http/http-error';
import type { RoleRow } from '../repositories/roles';

export interface AdminContext {
  sessionId: number;
  employee: { id: number; name: string; email: string };
  roles: RoleRow[];
  // Lowest (most privileged) rank over the employee's roles.
  rank: number;
}

/** An employee holds the union of their roles' rights: one granting role is enough. */
export function adminHas(admin: AdminContext, needed: NeededRight): boolean {
  return admin.roles.some((role) => grants(role.rights, needed));
}

export function requireRight(admin: AdminContext, needed: NeededRight, action: string): void {
  if (!adminHas(admin, needed)) {
    throw new HttpError(
      403,
      ERROR_CODES.forbidden,
      `You need the "${RIGHT_LABELS[needed.right]}" right on ${moduleName(needed.module)} to ${action}.`,
    );
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
