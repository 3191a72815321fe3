import type { WifoxClientOptions } from './api/wifox-client';
import { WifoxClient } from './api/wifox-client';
import { createIpcHandlers } from './ipc/handlers';
import type { IpcHandlers } from './ipc/handle';
import {
  type ClipboardPort,
  type EventSink,
  type KeyValueStore,
  type Logger,
  type Scheduler,
  type SecretStore,
  silentLogger,
  systemScheduler,
} from './ports';
import { CatalogService } from './services/catalog-service';
import { ClipboardService } from './services/clipboard-service';
import { type DefaultProfile, ProfileService } from './services/profile-service';
import { SessionService } from './services/session-service';
import { SettingsService } from './services/settings-service';
import { TokenService } from './services/token-service';

export type ConsoleAdapters = {
  store: KeyValueStore;
  secrets: SecretStore;
  clipboard: ClipboardPort;
  events: EventSink;
  logger?: Logger;
  scheduler?: Scheduler;
  // Client tuning, e.g. a short retry delay in tests.
  http?: Pick<WifoxClientOptions, 'timeoutMs' | 'retryDelayMs'>;
  newProfileId?: () => string;
};

export type ConsoleServices = {
  profiles: ProfileService;
  settings: SettingsService;
  session: SessionService;
  tokens: TokenService;
  catalog: CatalogService;
  clipboard: ClipboardService;
  handlers: IpcHandlers;
  // Creates the default profile (once) and resumes the last session from the keychain.
  start(defaultProfile?: DefaultProfile & { followBaseUrl?: boolean }): Promise<void>;
  // On quit: takes a copied secret back off the clipboard.
  dispose(): Promise<void>;
};

// The one place services are wired. main/index.ts passes Electron adapters; tests and the
// browser harness pass their own and get the very same services and IPC handlers.
export const createConsoleServices = (adapters: ConsoleAdapters): ConsoleServices => {
  const logger = adapters.logger ?? silentLogger;
  const profiles = new ProfileService(adapters.store, adapters.newProfileId);
  const settings = new SettingsService(adapters.store);
  const session = new SessionService({
    profiles,
    secrets: adapters.secrets,
    events: adapters.events,
    logger,
    createClient: (options) => new WifoxClient({ ...options, ...adapters.http }),
  });
  const tokens = new TokenService(session);
  const catalog = new CatalogService(session);
  const clipboard = new ClipboardService(adapters.clipboard, settings, adapters.scheduler ?? systemScheduler, logger);
  const handlers = createIpcHandlers({ profiles, settings, session, tokens, catalog, clipboard });

  return {
    profiles,
    settings,
    session,
    tokens,
    catalog,
    clipboard,
    handlers,
    async start(defaultProfile) {
      if (defaultProfile) profiles.ensureDefault(defaultProfile, { followBaseUrl: defaultProfile.followBaseUrl ?? false });
      await session.restore();
    },
    dispose() {
      return clipboard.dispose();
    },
  };
};
