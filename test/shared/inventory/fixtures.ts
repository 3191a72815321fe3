import { createHash } from 'node:crypto';
import type { ModuleItem } from '../../../shared/api/modules';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { MODULES, MODULE_GROUP_NAMES } from '../../../shared/domain/modules';
import type { SnapshotParts } from '../../../shared/inventory/snapshot';

// Test data shaped exactly like the API's answers, built by hand so every field is known.

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const MODULE_ITEMS: ModuleItem[] = MODULES.map((m) => ({
  key: m.key,
  name: m.name,
  group: m.group,
  groupName: MODULE_GROUP_NAMES[m.group],
  parent: m.parent,
}));

export const ROLES: RoleItem[] = [
  {
    id: 1,
    name: 'Security admin',
    type: 'employee',
    rank: 1,
    rights: { security: { view: 'all', manage: ['create_edit', 'delete'] } },
    modules: ['Security'],
  },
  {
    id: 2,
    name: 'Read-only Clients',
    type: 'employee',
    rank: 5,
    rights: { clients: { view: 'all', manage: [] } },
    modules: ['Clients', 'KYC Documents', 'Requests'],
  },
  {
    id: 3,
    name: 'CB Accounts & Transactions',
    type: 'employee',
    rank: 4,
    rights: { 'cb-accounts': { view: 'all', manage: [] }, 'cb-transactions': { view: 'all', manage: [] } },
    modules: ['CB Accounts', 'CB Transactions'],
  },
];

const roleOf = (id: number): RoleItem => {
  const role = ROLES.find((r) => r.id === id);
  if (!role) throw new Error(`no role ${id}`);
  return role;
};

export function makeToken(id: number, overrides: Partial<IdentificationToken> = {}): IdentificationToken {
  const role = roleOf(overrides.roleId ?? 2);
  return {
    id,
    name: `Token ${String(id).padStart(5, '0')}`,
    roleId: role.id,
    roleName: role.name,
    permissions: [...role.modules],
    whitelist: ['203.0.113.0/24'],
    expiresOn: '2026-12-31',
    expiresAt: '2027-01-01T00:00:00.000Z',
    status: 'active',
    createdAt: '2026-01-05T09:30:00.000Z',
    createdBy: { id: 1, name: 'Ada Admin' },
    updatedAt: '2026-01-05T09:30:00.000Z',
    lastUsedAt: '2026-03-01T12:00:00.000Z',
    lastUsedIp: '203.0.113.7',
    secretHint: 'wfx_AbCd',
    version: 1,
    ...overrides,
  };
}

export function makeParts(tokens: readonly IdentificationToken[], overrides: Partial<SnapshotParts> = {}): SnapshotParts {
  return {
    baseUrl: 'https://wifox.example.com',
    takenAt: '2026-03-10T08:15:00.000Z',
    takenBy: { id: 1, name: 'Ada Admin', email: 'ada@example.com' },
    timeZone: 'Europe/Paris',
    modules: MODULE_ITEMS,
    roles: ROLES,
    tokens,
    ...overrides,
  };
}

/** Ids 1..count with varied roles, whitelists and expiries. */
export function manyTokens(count: number): IdentificationToken[] {
  return Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    return makeToken(id, {
      roleId: (id % 3) + 1,
      roleName: roleOf((id % 3) + 1).name,
      permissions: [...roleOf((id % 3) + 1).modules],
      whitelist: id % 4 === 0 ? [] : [`10.${id % 256}.${(id >> 8) % 256}.0/24`, `2001:db8::${(id % 65535).toString(16)}`],
      expiresOn: id % 5 === 0 ? null : `2026-${String((id % 12) + 1).padStart(2, '0')}-${String((id % 28) + 1).padStart(2, '0')}`,
      expiresAt: null,
    });
  });
}
