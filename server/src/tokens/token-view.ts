import { expiryEnd, reachableModuleNames, todayIn, tokenStatus, type RoleRights, type TokenStatus } from '../../../shared/domain';
import type { IdentificationToken } from '../../../shared/api';
import type { TokenRow } from '../repositories/tokens';

// A page of 1,000 tokens shares a few hundred expiry dates and a few roles: each end instant,
// each date's status today and each role's module list is worked out once, not per row (it
// was most of a page's time).
const MAX_ENDS = 20_000;
const ends = new Map<string, string>();
// A status depends only on the expiry date and today's date in the zone: remembered for one day.
let statusDay = '';
const statuses = new Map<string, TokenStatus>();
const modulesOf = new WeakMap<RoleRights, string[]>();

function expiresAt(expiresOn: string, timeZone: string): string {
  const key = `${timeZone}|${expiresOn}`;
  let end = ends.get(key);
  if (end === undefined) {
    if (ends.size >= MAX_ENDS) ends.clear();
    end = expiryEnd(expiresOn, timeZone).toISOString();
    ends.set(key, end);
  }
  return end;
}

function statusOf(expiresOn: string | null, now: Date, timeZone: string): TokenStatus {
  if (expiresOn === null) return tokenStatus(null, now, timeZone);
  const day = `${timeZone}|${todayIn(timeZone, now)}`;
  if (day !== statusDay || statuses.size >= MAX_ENDS) {
    statuses.clear();
    statusDay = day;
  }
  let status = statuses.get(expiresOn);
  if (status === undefined) {
    status = tokenStatus(expiresOn, now, timeZone);
    statuses.set(expiresOn, status);
  }
  return status;
}

function permissions(rights: RoleRights): string[] {
  let names = modulesOf.get(rights);
  if (names === undefined) {
    names = reachableModuleNames(rights);
    modulesOf.set(rights, names);
  }
  return [...names];
}

/** The API shape of a stored token: status and expiry instant are computed at read time. */
export function tokenView(row: TokenRow, rights: RoleRights, now: Date, timeZone: string): IdentificationToken {
  return {
    id: row.id,
    name: row.name,
    roleId: row.roleId,
    roleName: row.roleName,
    permissions: permissions(rights),
    whitelist: row.whitelist,
    expiresOn: row.expiresOn,
    expiresAt: row.expiresOn ? expiresAt(row.expiresOn, timeZone) : null,
    status: statusOf(row.expiresOn, now, timeZone),
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
    owner: row.owner,
    description: row.description,
  };
}
