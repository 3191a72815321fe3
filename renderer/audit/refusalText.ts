import type { RefusalKind, RefusalsByAddress, RefusalsByToken } from '../../shared/api/audit';

const times = (count: number) => (count === 1 ? 'once' : `${count.toLocaleString('en-GB')} times`);

const BY_ADDRESS: Readonly<Record<RefusalKind, string>> = {
  deleted_token: 'tried a deleted token',
  rotated_secret: 'used a rotated-out secret',
  unknown_token: 'presented an unknown secret',
  expired: 'used an expired token',
  ip_not_allowed: 'was refused by a token’s whitelist',
  insufficient_rights: 'asked for a right a token lacks',
};

const BY_TOKEN: Readonly<Record<RefusalKind, string>> = {
  deleted_token: '(deleted) was tried',
  rotated_secret: 'was called with a rotated-out secret',
  unknown_token: 'was refused',
  expired: 'was used after it expired',
  ip_not_allowed: 'was used from outside its whitelist',
  insufficient_rights: 'asked for a right its role lacks',
};

/** "203.0.113.9 tried a deleted token 412 times" */
export function addressGroupText(group: RefusalsByAddress): string {
  const tokens = group.tokens > 1 ? ` (${group.tokens} tokens)` : '';
  return `${group.ip} ${BY_ADDRESS[group.kind]} ${times(group.count)}${tokens}`;
}

/** "“Nightly export” (deleted) was tried 412 times from 3 addresses" */
export function tokenGroupText(group: RefusalsByToken): string {
  const from = group.addresses === 1 ? 'from 1 address' : `from ${group.addresses} addresses`;
  return `“${group.tokenName}” ${BY_TOKEN[group.kind]} ${times(group.count)} ${from}`;
}
