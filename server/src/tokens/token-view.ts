import { expiryEnd, reachableModuleNames, tokenStatus, type RoleRights } from '../../../shared/domain';
import type { IdentificationToken } from '../../../shared/api';
import type { TokenRow } from '../repositories/tokens';

/** The API shape of a stored token: status and expiry instant are computed at read time. */
export function tokenView(row: TokenRow, rights: RoleRights, now: Date, timeZone: string): IdentificationToken {
  return {
    id: row.id,
    name: row.name,
    roleId: row.roleId,
    roleName: row.roleName,
    permissions: reachableModuleNames(rights),
    whitelist: row.whitelist,
    expiresOn: row.expiresOn,
    expiresAt: row.expiresOn ? expiryEnd(row.expiresOn, timeZone).toISOString() : null,
    status: tokenStatus(row.expiresOn, now, timeZone),
    createdAt: row.createdAt,
    createdBy: { id: row.createdById, name: row.createdByName },
    updatedAt: row.updatedAt,
    lastUsedAt: row.lastUsedAt,
    lastUsedIp: row.lastUsedIp,
    secretHint: row.secretHint,
    version: row.version,
    // An overlap that ran out reads as no overlap: the old secret is refused from that instant.
    previousSecret:
      row.previousSecretHint !== null && row.previousValidUntil !== null && Date.parse(row.previousValidUntil) > now.getTime()
        ? { hint: row.previousSecretHint, validUntil: row.previousValidUntil }
        : null,
  };
}
