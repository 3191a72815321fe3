import type { AuditLogService } from '../audit/audit-log-service';
import type { InventoryService } from '../inventory/inventory-service';
import type { EventSink } from '../ports';
import type { CatalogService } from '../services/catalog-service';
import type { ClipboardService } from '../services/clipboard-service';
import type { ProfileService } from '../services/profile-service';
import type { RoleAdminService } from '../services/role-admin-service';
import type { SessionService } from '../services/session-service';
import type { LeakService } from '../services/leak-service';
import type { BulkService } from '../services/bulk-service';
import type { ReminderService } from '../services/reminder-service';
import type { SettingsService } from '../services/settings-service';
import type { TokenPolicyService } from '../services/token-policy-service';
import type { TokenService } from '../services/token-service';
import type { UsageService } from '../services/usage-service';
import type { ServerKeys } from '../signing/server-keys';
import type { IpcHandlers } from './handle';
import { inPiecesAnswer, rowsAnswer } from './inventory-answers';

export type HandlerServices = {
  profiles: ProfileService;
  settings: SettingsService;
  session: SessionService;
  tokens: TokenService;
  catalog: CatalogService;
  roles: RoleAdminService;
  clipboard: ClipboardService;
  inventory: InventoryService;
  leaks: LeakService;
  policy: TokenPolicyService;
  auditLog: AuditLogService;
  usage: UsageService;
  bulk: BulkService;
  reminders: ReminderService;
  serverKeys: ServerKeys;
  events: EventSink;
};

// Thin on purpose: arguments arrive parsed, results leave checked; the work is in the services.
export const createIpcHandlers = (s: HandlerServices): IpcHandlers => ({
  'profiles.list': () => s.profiles.list(),
  'profiles.save': async (arg) => {
    const before = arg.id === undefined ? undefined : s.profiles.find(arg.id);
    const saved = s.profiles.save(arg);
    // A signed-in profile pointed elsewhere (or at another account) must not keep its session.
    const moved = before !== undefined && (before.baseUrl !== saved.baseUrl || before.email !== saved.email);
    if (moved) {
      await s.session.forgetProfile(saved.id);
      await s.inventory.forgetProfile(saved.id);
      // Another address is another server: its keys are recorded afresh when it first connects.
      s.serverKeys.forget(saved.id);
    }
    return saved;
  },
  'profiles.remove': async ({ id }) => {
    s.profiles.get(id);
    await s.session.forgetProfile(id);
    await s.inventory.forgetProfile(id);
    s.serverKeys.forget(id);
    s.profiles.remove(id);
    return null;
  },

  'session.signIn': async ({ profileId, password }) => {
    const state = await s.session.signIn(profileId, password);
    // Trust on first use: the server's signing keys are recorded when the profile first connects.
    await s.serverKeys.refresh();
    return state;
  },
  'profiles.signingKeys': ({ profileId }) => s.serverKeys.view(profileId),
  'profiles.acceptSigningKey': ({ profileId, keyId }) => s.serverKeys.accept(profileId, keyId),
  'session.signOut': () => s.session.signOut(),
  'session.state': () => s.session.state(),

  'catalog.modules': () => s.catalog.modules(),
  'roles.list': () => s.catalog.roles(),
  'settings.org': () => s.catalog.organisation(),

  'tokens.list': (arg = {}) => {
    if (arg.since !== undefined && arg.full !== true) return s.tokens.listChanges(arg.since);
    return arg.firstRows === undefined ? s.tokens.list({ full: arg.full }) : s.tokens.listFirst({ full: arg.full }, arg.firstRows);
  },
  'tokens.listRest': ({ listId, offset }) => s.tokens.listRest(listId, offset),
  'tokens.get': ({ id }) => s.tokens.get(id),
  'tokens.create': (arg) => s.tokens.create(arg),
  'tokens.update': ({ id, version, changes }) => s.tokens.update(id, version, changes),
  'tokens.delete': async ({ id }) => {
    await s.tokens.delete(id);
    return null;
  },

  'audit.list': (arg) => s.tokens.audit(arg),
  'auditLog.page': (arg) => s.auditLog.page(arg),
  'auditLog.refusals': ({ window }) => s.auditLog.refusals(window),
  'auditLog.export': ({ filter }) => s.auditLog.exportWithDialog(filter),
  'usage.token': ({ id }) => s.usage.token(id),
  'usage.totals': () => s.usage.totals(),
  'tokens.rotateSecret': ({ id, version, overlapHours }) => s.tokens.rotateSecret(id, version, overlapHours),
  'tokens.endOverlap': ({ id, version }) => s.tokens.endOverlap(id, version),
  'leaks.check': ({ text }) => s.leaks.check(text),
  'tokens.bulk': ({ action, items }) => s.bulk.run(action, items, (done, total) => s.events.emit('tokens.bulkProgress', { done, total })),
  'reminders.status': () => s.reminders.current(),

  'clipboard.copySecret': ({ secret }) => s.clipboard.copySecret(secret),

  'settings.get': () => s.settings.get(),
  'settings.set': (patch) => s.settings.set(patch),

  'inventory.cachedInfo': ({ profileId }) => s.inventory.cachedInfo(profileId),
  'inventory.cached': async ({ profileId }) =>
    inPiecesAnswer('inventory.cached', await s.inventory.cachedInPieces(profileId), (snapshot) => s.inventory.hasCheckedTokens(snapshot)),
  'inventory.open': async () =>
    inPiecesAnswer(
      'inventory.open',
      await s.inventory.openWithDialog((progress) => s.events.emit('inventory.openProgress', progress)),
      (snapshot) => s.inventory.hasCheckedTokens(snapshot),
    ),
  'inventory.rows': ({ id, offset }) => rowsAnswer(s.inventory.rows(id, offset), s.inventory.hasCheckedRows(id)),
  'inventory.close': ({ id }) => {
    s.inventory.close(id);
    return null;
  },
  'inventory.export': ({ source, format }) =>
    s.inventory.exportWithDialog(source, format, (progress) => s.events.emit('inventory.exportProgress', progress)),
  'inventory.compare': ({ left, right }) => s.inventory.compareRefs(left, right),

  'policy.get': () => s.policy.get(),
  'policy.update': ({ version, rules }) => s.policy.update(version, rules),
  'roles.settings': () => s.roles.settings(),
  'roles.create': (arg) => s.roles.create(arg),
  'roles.update': ({ id, version, changes }) => s.roles.update(id, version, changes),
  'roles.duplicate': ({ id, ...request }) => s.roles.duplicate(id, request),
  'roles.delete': async ({ id, version, moveTokensTo }) => {
    await s.roles.delete(id, version, moveTokensTo);
    return null;
  },
});
