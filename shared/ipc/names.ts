// The contract's channel and event names as plain data, so the preload and the page can build
// the bridge without loading zod or any schema. test/main/bridge.test.ts keeps these lists
// equal to the contract's keys; the `satisfies` clauses refuse a name the contract lacks.
import type { Channel, EventName } from './contract';

export const CHANNEL_NAMES = [
  'profiles.list',
  'profiles.save',
  'profiles.remove',
  'session.signIn',
  'session.signOut',
  'session.state',
  'catalog.modules',
  'roles.list',
  'settings.org',
  'tokens.list',
  'tokens.get',
  'tokens.create',
  'tokens.update',
  'tokens.delete',
  'audit.list',
  'clipboard.copySecret',
  'settings.get',
  'settings.set',
  'inventory.cachedInfo',
  'inventory.cached',
  'inventory.open',
  'inventory.rows',
  'inventory.close',
  'inventory.export',
  'inventory.compare',
  'roles.settings',
  'roles.create',
  'roles.update',
  'roles.duplicate',
  'roles.delete',
  'tokens.rotateSecret',
  'tokens.endOverlap',
  'leaks.check',
  'policy.get',
  'policy.update',
  'auditLog.page',
  'auditLog.refusals',
  'auditLog.export',
  'usage.token',
  'usage.totals',
  'tokens.bulk',
  'reminders.status',
  'profiles.signingKeys',
  'profiles.acceptSigningKey',
  'tokens.listRest',
] as const satisfies readonly Channel[];

export const EVENT_NAMES_LIST = ['session.ended', 'connection.changed', 'inventory.exportProgress', 'inventory.openProgress', 'reminders.changed', 'reminders.openExpiring', 'tokens.bulkProgress'] as const satisfies readonly EventName[];

const events: ReadonlySet<string> = new Set(EVENT_NAMES_LIST);

export const isBridgeEvent = (name: unknown): name is EventName => typeof name === 'string' && events.has(name);
