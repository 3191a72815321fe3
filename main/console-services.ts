import type { WifoxClientOptions } from './api/wifox-client';
import { WifoxClient } from './api/wifox-client';
import { AuditLogService } from './audit/audit-log-service';
import type { InventoryDialogPort } from './inventory/dialog-port';
import { InventoryService } from './inventory/inventory-service';
import { CopyRefresher } from './inventory/copy-refresher';
import { LiveInventory } from './inventory/live-inventory';
import type { SnapshotReader } from './inventory/snapshot-reader';
import { createIpcHandlers } from './ipc/handlers';
import type { IpcHandlers } from './ipc/handle';
import type { EventPayload } from '../shared/ipc/contract';
import { UNREACHABLE_CODES } from '../shared/ipc/errors';
import {
  type ClipboardPort,
  type Clock,
  type EventSink,
  type NotificationPort,
  type KeyValueStore,
  type Logger,
  type Scheduler,
  type SecretStore,
  silentLogger,
  systemScheduler,
} from './ports';
import { CatalogService } from './services/catalog-service';
import { RoleAdminService } from './services/role-admin-service';
import { TokenPolicyService } from './services/token-policy-service';
import { ClipboardService } from './services/clipboard-service';
import { type DefaultProfile, ProfileService } from './services/profile-service';
import { ConnectionMonitor } from './services/connection-monitor';
import { SessionService } from './services/session-service';
import { isAppError } from './errors';
import { LeakService } from './services/leak-service';
import { BulkService } from './services/bulk-service';
import { ReminderService } from './services/reminder-service';
import { SettingsService } from './services/settings-service';
import { type KnownInventory, TokenService } from './services/token-service';
import { UsageService } from './services/usage-service';
import { RecordedKeys } from './signing/recorded-keys';
import { ServerKeys } from './signing/server-keys';

export type ConsoleAdapters = {
  store: KeyValueStore;
  secrets: SecretStore;
  clipboard: ClipboardPort;
  events: EventSink;
  // Where the offline inventory snapshots are cached (Electron's userData in production).
  userDataDir: string;
  // Save/open dialogs for inventory export and open.
  dialogs: InventoryDialogPort;
  logger?: Logger;
  scheduler?: Scheduler;
  // Client tuning, e.g. a short retry delay in tests.
  http?: Pick<WifoxClientOptions, 'timeoutMs' | 'retryDelayMs'>;
  newProfileId?: () => string;
  // Desktop notifications (expiry reminders); none when absent.
  notifier?: NotificationPort;
  clock?: Clock;
  // Reads inventory files off main's thread (a worker in production); on main's thread when absent.
  snapshotReader?: SnapshotReader;
};

const noNotifications: NotificationPort = { isSupported: () => false, show: () => undefined };

export type ConsoleServices = {
  profiles: ProfileService;
  settings: SettingsService;
  session: SessionService;
  tokens: TokenService;
  catalog: CatalogService;
  clipboard: ClipboardService;
  inventory: InventoryService;
  reminders: ReminderService;
  handlers: IpcHandlers;
  // Creates the default profile (once) and resumes the last session from the keychain.
  start(defaultProfile?: DefaultProfile & { followBaseUrl?: boolean }): Promise<void>;
  // On quit: takes a copied secret back off the clipboard and writes a waiting offline copy.
  dispose(): Promise<void>;
};

// The one place services are wired. main/index.ts passes Electron adapters; tests and the
// browser harness pass their own and get the very same services and IPC handlers.
export const createConsoleServices = (adapters: ConsoleAdapters): ConsoleServices => {
  const logger = adapters.logger ?? silentLogger;
  const scheduler = adapters.scheduler ?? systemScheduler;
  const monitor = new ConnectionMonitor({
    scheduler,
    // Any signed-in call will do: it renews the session if needed and reports reachability.
    probe: async () => {
      try {
        await catalog.organisation();
      } catch (error) {
        if (isAppError(error) && UNREACHABLE_CODES.has(error.code)) throw error;
      }
    },
  });
  // Watches connection reports on their way to the renderer, to retry in the background.
  const events: EventSink = {
    emit(event, payload) {
      if (event === 'connection.changed') monitor.connectionChanged((payload as EventPayload<'connection.changed'>).state);
      adapters.events.emit(event, payload);
    },
  };
  const profiles = new ProfileService(adapters.store, adapters.newProfileId);
  const settings = new SettingsService(adapters.store);
  const session = new SessionService({
    profiles,
    secrets: adapters.secrets,
    events,
    logger,
    createClient: (options) => new WifoxClient({ ...options, ...adapters.http }),
  });
  // The token list starts from the offline copy and its cursor: only the changes travel.
  const tokens = new TokenService(session, {
    known: async (profileId): Promise<KnownInventory | null> => {
      const state = await session.state();
      return state.status === 'signedIn' && state.profile.id === profileId ? inventory.known(profileId, state.profile.baseUrl) : null;
    },
  });
  const catalog = new CatalogService(session);
  const clipboard = new ClipboardService(adapters.clipboard, settings, scheduler, logger);

  const live = new LiveInventory({ session, tokens, catalog }, logger);
  const serverKeys = new ServerKeys(session, profiles, new RecordedKeys(adapters.store), logger);
  const inventory = new InventoryService({
    userDataDir: adapters.userDataDir,
    dialogs: adapters.dialogs,
    live: () => live.current(),
    logger,
    signatures: serverKeys,
    reader: adapters.snapshotReader,
  });
  // Every complete load of the token list refreshes the profile's offline copy (the latest
  // one, paced by its size: see CopyRefresher).
  const copies = new CopyRefresher((profile, load) => inventory.refreshCache(profile, load), scheduler, undefined, logger);
  live.onFullLoad((pending) => copies.offer(pending));
  const roles = new RoleAdminService(session);
  const leaks = new LeakService(session);
  const policy = new TokenPolicyService(session);
  const auditLog = new AuditLogService({ session, catalog, userDataDir: adapters.userDataDir, dialogs: adapters.dialogs, logger });
  const usage = new UsageService(session);
  const clock = adapters.clock ?? (() => new Date());
  const timeZone = async (): Promise<string> => (await catalog.organisation()).timeZone;
  const bulk = new BulkService({ tokens, timeZone, clock });
  const reminders = new ReminderService({
    store: adapters.store,
    notifier: adapters.notifier ?? noNotifications,
    events,
    scheduler,
    clock,
    logger,
    settings: () => settings.get(),
    activeProfileId: () => session.activeProfileId(),
    refresh: () => tokens.list(),
    timeZone,
  });
  // Every complete list (hourly, at start, the renderer's own loads) updates the reminders.
  tokens.onInventory((profileId, load) => void reminders.look(profileId, load.items));
  settings.onChange(() => reminders.settingsChanged());
  const handlers = createIpcHandlers({ profiles, settings, session, tokens, catalog, roles, clipboard, inventory, leaks, policy, auditLog, usage, bulk, reminders, serverKeys, events });

  return {
    profiles,
    settings,
    session,
    tokens,
    catalog,
    clipboard,
    inventory,
    reminders,
    handlers,
    async start(defaultProfile) {
      if (defaultProfile) profiles.ensureDefault(defaultProfile, { followBaseUrl: defaultProfile.followBaseUrl ?? false });
      await session.restore();
      const state = await session.state();
      // Trust on first use: the keys are recorded the first time the profile connects.
      if (state.status === 'signedIn' && state.connection === 'online') await serverKeys.refresh();
      if (state.status === 'signedIn' && state.connection === 'offline') monitor.connectionChanged('offline');
      reminders.start();
    },
    async dispose() {
      monitor.stop();
      reminders.stop();
      await Promise.all([clipboard.dispose(), copies.flush()]);
    },
  };
};
