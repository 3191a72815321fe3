import { z } from 'zod';

// The Wifox module catalog (docs/domain.md). Keys are ours and stable: they are stored in role
// rights and sent over the API, so a display name may change but a key never does.
export const MODULE_KEYS = [
  'projects',
  'desks',
  'employees',
  'roles',
  'affiliate-hub',
  'settings',
  'clients',
  'kyc-documents',
  'requests',
  'actions',
  'client-area',
  'cb-accounts',
  'cb-transactions',
  'cb-assets',
  'cb-wallets',
  'company-fees',
  'payment-methods',
  'platforms',
  'banks',
  'cards',
  'invoices',
  'logs',
  'analytics',
  'security',
] as const;

export type ModuleKey = (typeof MODULE_KEYS)[number];

export const moduleKeySchema = z.enum(MODULE_KEYS);

export const MODULE_GROUPS = ['organisation', 'clients', 'core-banking', 'oversight'] as const;
export type ModuleGroup = (typeof MODULE_GROUPS)[number];

export const MODULE_GROUP_NAMES: Readonly<Record<ModuleGroup, string>> = {
  organisation: 'Organisation',
  clients: 'Clients',
  'core-banking': 'Core banking',
  oversight: 'Oversight',
};

export type ModuleDef = {
  readonly key: ModuleKey;
  readonly name: string;
  readonly group: ModuleGroup;
  /** View on the parent grants the same view on this module. */
  readonly parent: ModuleKey | null;
};

// Catalog order is display order: every list of modules (Permissions column, role editor)
// follows it.
export const MODULES: readonly ModuleDef[] = [
  { key: 'projects', name: 'Projects', group: 'organisation', parent: null },
  { key: 'desks', name: 'Desks', group: 'organisation', parent: 'projects' },
  { key: 'employees', name: 'Employees', group: 'organisation', parent: 'projects' },
  { key: 'roles', name: 'Roles', group: 'organisation', parent: null },
  { key: 'affiliate-hub', name: 'Affiliate Hub', group: 'organisation', parent: null },
  { key: 'settings', name: 'Settings', group: 'organisation', parent: null },
  { key: 'clients', name: 'Clients', group: 'clients', parent: null },
  { key: 'kyc-documents', name: 'KYC Documents', group: 'clients', parent: 'clients' },
  { key: 'requests', name: 'Requests', group: 'clients', parent: 'clients' },
  { key: 'actions', name: 'Actions', group: 'clients', parent: null },
  { key: 'client-area', name: 'Client area', group: 'clients', parent: null },
  { key: 'cb-accounts', name: 'CB Accounts', group: 'core-banking', parent: null },
  { key: 'cb-transactions', name: 'CB Transactions', group: 'core-banking', parent: null },
  { key: 'cb-assets', name: 'CB Assets', group: 'core-banking', parent: null },
  { key: 'cb-wallets', name: 'CB Wallets', group: 'core-banking', parent: null },
  { key: 'company-fees', name: 'Company fees', group: 'core-banking', parent: null },
  { key: 'payment-methods', name: 'Payment Methods', group: 'core-banking', parent: null },
  { key: 'platforms', name: 'Platforms', group: 'core-banking', parent: null },
  { key: 'banks', name: 'Banks', group: 'core-banking', parent: null },
  { key: 'cards', name: 'Cards', group: 'core-banking', parent: null },
  { key: 'invoices', name: 'Invoices', group: 'core-banking', parent: null },
  { key: 'logs', name: 'Logs', group: 'oversight', parent: null },
  { key: 'analytics', name: 'Analytics', group: 'oversight', parent: null },
  { key: 'security', name: 'Security', group: 'oversight', parent: null },
];

const byKey = new Map<ModuleKey, ModuleDef>(MODULES.map((m) => [m.key, m]));

export function moduleByKey(key: ModuleKey): ModuleDef {
  const found = byKey.get(key);
  if (!found) throw new Error(`Unknown module key: ${String(key)}`);
  return found;
}

export function moduleName(key: ModuleKey): string {
  return moduleByKey(key).name;
}

/** Direct children, in catalog order. */
export function childModules(key: ModuleKey): ModuleKey[] {
  return MODULES.filter((m) => m.parent === key).map((m) => m.key);
}
