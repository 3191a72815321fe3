import type { ModuleRights, RoleRights, RoleType } from '../../../shared/domain';
import type { PublicResource } from '../../../shared/api';

export interface DemoRole {
  name: string;
  type: RoleType;
  rank: number;
  rights: RoleRights;
}

const viewAll: ModuleRights = { view: 'all', manage: [] };
const fullManage = ['create_edit', 'manage_own', 'manage_all', 'delete'] as const;

// The example roles of the Wifox token documentation, plus the role that runs the token page.
export const DEMO_ROLES: readonly DemoRole[] = [
  {
    name: 'Security administrator',
    type: 'employee',
    rank: 2,
    rights: {
      security: { view: 'all', manage: [...fullManage] },
      roles: viewAll,
      employees: viewAll,
      logs: viewAll,
    },
  },
  {
    name: 'Full CB Access',
    type: 'employee',
    rank: 4,
    rights: {
      'cb-accounts': { view: 'all', manage: ['create_edit', 'manage_all'] },
      'cb-transactions': { view: 'all', manage: ['create_edit', 'manage_all'] },
      'cb-assets': { view: 'all', manage: ['create_edit', 'manage_all'] },
      'cb-wallets': { view: 'all', manage: ['create_edit', 'manage_all'] },
    },
  },
  { name: 'CB Accounts & Transactions', type: 'employee', rank: 5, rights: { 'cb-accounts': viewAll, 'cb-transactions': viewAll } },
  { name: 'Read-only Clients', type: 'employee', rank: 5, rights: { clients: viewAll } },
  // Viewing Clients already shows its KYC Documents (a linked module): what "+ KYC Documents"
  // adds is the right to file and correct them, while the clients stay read-only.
  {
    name: 'Read-only Clients + KYC Documents',
    type: 'employee',
    rank: 5,
    rights: { clients: viewAll, 'kyc-documents': { view: 'all', manage: ['create_edit'] } },
  },
  { name: 'Clients, Actions, Logs', type: 'employee', rank: 5, rights: { clients: viewAll, actions: viewAll, logs: viewAll } },
  { name: 'Analytics Only', type: 'employee', rank: 6, rights: { analytics: viewAll } },
];

export interface DemoToken {
  name: string;
  role: string;
  whitelist: string[];
  /** Days from today (in the organisation's zone); null = never expires. */
  expiresInDays: number | null;
  /** Days before the seeding it was created: the demo spans a year of history. */
  createdDaysAgo: number;
  /** Minutes ago it was last used (always after its creation); null = never. */
  lastUsedMinutesAgo: number | null;
  lastUsedIp?: string;
}

export const DEMO_TOKENS: readonly DemoToken[] = [
  { name: 'BackendAutomation', role: 'CB Accounts & Transactions', whitelist: ['10.20.0.0/16'], createdDaysAgo: 350, expiresInDays: null, lastUsedMinutesAgo: 12, lastUsedIp: '10.20.4.17' },
  { name: 'FraudDetectionVendor', role: 'Clients, Actions, Logs', whitelist: ['203.0.113.0/24', '2001:db8:fd::/48'], createdDaysAgo: 200, expiresInDays: 180, lastUsedMinutesAgo: 3, lastUsedIp: '203.0.113.45' },
  { name: 'WebhookListener', role: 'Read-only Clients + KYC Documents', whitelist: ['198.51.100.7'], createdDaysAgo: 280, expiresInDays: null, lastUsedMinutesAgo: 60 * 26, lastUsedIp: '198.51.100.7' },
  { name: 'PostmanUser', role: 'Full CB Access', whitelist: [], createdDaysAgo: 20, expiresInDays: 1, lastUsedMinutesAgo: 45, lastUsedIp: '192.168.1.23' },
  { name: 'ReportingScript', role: 'Analytics Only', whitelist: ['192.168.31.0/24'], createdDaysAgo: 320, expiresInDays: -3, lastUsedMinutesAgo: 60 * 24 * 130, lastUsedIp: '192.168.31.8' },
  { name: 'MyIntegrationService', role: 'Read-only Clients', whitelist: [], createdDaysAgo: 210, expiresInDays: null, lastUsedMinutesAgo: null },
  { name: 'NewIdentForTest', role: 'Agent', whitelist: ['127.0.0.1', '::1'], createdDaysAgo: 2, expiresInDays: 5, lastUsedMinutesAgo: null },
  { name: 'LegacyExport', role: 'Full CB Access', whitelist: ['172.16.0.0/12'], createdDaysAgo: 365, expiresInDays: -40, lastUsedMinutesAgo: 60 * 24 * 200, lastUsedIp: '172.16.9.2' },
  { name: 'Ipv6Gateway', role: 'Read-only Clients', whitelist: ['2001:db8::/32', '::1'], createdDaysAgo: 120, expiresInDays: 90, lastUsedMinutesAgo: 8, lastUsedIp: '2001:db8::42' },
  { name: 'DeskSync', role: 'Desk manager', whitelist: ['192.168.1.0/24', '192.168.31.0/24'], createdDaysAgo: 75, expiresInDays: 30, lastUsedMinutesAgo: 90, lastUsedIp: '192.168.1.40' },
  { name: 'ProjectBackup', role: 'Project admin', whitelist: [], createdDaysAgo: 6, expiresInDays: 365, lastUsedMinutesAgo: null },
  { name: 'MobileBackend', role: 'Clients, Actions, Logs', whitelist: ['127.0.0.1', '::1', '10.0.0.0/8'], createdDaysAgo: 45, expiresInDays: 7, lastUsedMinutesAgo: 1, lastUsedIp: '127.0.0.1' },
];

const at = (day: number, hour = 9): string => new Date(Date.UTC(2025, 0, day, hour)).toISOString();

export const DEMO_RECORDS: Readonly<Record<PublicResource, readonly Record<string, unknown>[]>> = {
  clients: [
    { id: 1, firstName: 'Amélie', lastName: 'Durand', email: 'amelie.durand@example.com', country: 'FR', status: 'verified', createdAt: at(3) },
    { id: 2, firstName: 'Jonas', lastName: 'Berg', email: 'jonas.berg@example.com', country: 'SE', status: 'pending', createdAt: at(5) },
    { id: 3, firstName: 'Priya', lastName: 'Nair', email: 'priya.nair@example.com', country: 'GB', status: 'verified', createdAt: at(9) },
  ],
  'kyc-documents': [
    { id: 1, clientId: 1, type: 'passport', status: 'approved', uploadedAt: at(3, 10) },
    { id: 2, clientId: 2, type: 'proof_of_address', status: 'pending', uploadedAt: at(5, 11) },
  ],
  actions: [
    { id: 1, clientId: 1, type: 'call', note: 'Welcome call', at: at(4) },
    { id: 2, clientId: 3, type: 'email', note: 'KYC reminder', at: at(10) },
  ],
  logs: [
    { id: 1, at: at(4, 8), level: 'info', message: 'Client 1 signed in' },
    { id: 2, at: at(6, 14), level: 'warn', message: 'Client 2 failed two-factor check' },
  ],
  'cb-accounts': [
    { id: 1, clientId: 1, currency: 'EUR', balance: '12500.00', status: 'active' },
    { id: 2, clientId: 3, currency: 'GBP', balance: '830.40', status: 'active' },
  ],
  'cb-transactions': [
    { id: 1, accountId: 1, type: 'deposit', amount: '10000.00', currency: 'EUR', at: at(5) },
    { id: 2, accountId: 1, type: 'deposit', amount: '2500.00', currency: 'EUR', at: at(12) },
    { id: 3, accountId: 2, type: 'withdrawal', amount: '-169.60', currency: 'GBP', at: at(14) },
  ],
  'cb-assets': [
    { id: 1, symbol: 'EUR', name: 'Euro', kind: 'fiat' },
    { id: 2, symbol: 'BTC', name: 'Bitcoin', kind: 'crypto' },
  ],
  'cb-wallets': [
    { id: 1, clientId: 1, asset: 'BTC', address: 'bc1qdemo0000000000000000000000000000000000', balance: '0.0150' },
  ],
  projects: [
    { id: 1, name: 'Wifox Europe' },
    { id: 2, name: 'Wifox Asia' },
  ],
  desks: [
    { id: 1, projectId: 1, name: 'Paris desk' },
    { id: 2, projectId: 1, name: 'Stockholm desk' },
    { id: 3, projectId: 2, name: 'Singapore desk' },
  ],
};
