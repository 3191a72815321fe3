import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InventoryDialogPort } from '../../../main/inventory/dialog-port';
import { createConsoleServices, type ConsoleAdapters, type ConsoleServices } from '../../../main/console-services';
import { createIpcRouter, type IpcRouter, type SenderInfo } from '../../../main/ipc/handle';
import { createConsoleLogger } from '../../../main/logger';
import type { EventSink, KeyValueStore, SecretStore } from '../../../main/ports';
import { testStore } from '../../support/electron-store';
import { MemorySecretStore } from './memory-secret-store';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { FakeClipboard } from '../fakes/electron';

// Electron's dialogs, answered as if the user cancelled; tests needing a path bring their own.
const cancellingDialogs: InventoryDialogPort = {
  chooseSavePath: async () => null,
  chooseOpenPath: async () => null,
};

export type CapturedEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export type TestConsole = {
  services: ConsoleServices;
  router: IpcRouter;
  call(channel: string, arg?: unknown): Promise<unknown>;
  events: CapturedEvent[];
  logs: string[];
  clipboard: FakeClipboard;
  store: KeyValueStore;
  secrets: SecretStore;
};

export const APP_SENDER: SenderInfo = { webContentsId: 1, frameUrl: 'app://wifox/index.html', isMainFrame: true };

// The production services with test adapters, behind the same IPC router main uses.
export const buildConsole = (overrides: Partial<ConsoleAdapters> = {}): TestConsole => {
  const events: CapturedEvent[] = [];
  const logs: string[] = [];
  const sink: EventSink = {
    emit(event, payload) {
      events.push({ event, payload } as CapturedEvent);
    },
  };
  const clipboard = new FakeClipboard();
  const store = overrides.store ?? testStore();
  const secrets = overrides.secrets ?? new MemorySecretStore();
  const logger = createConsoleLogger((_level, line) => logs.push(line));
  const services = createConsoleServices({
    store,
    secrets,
    clipboard,
    events: sink,
    userDataDir: mkdtempSync(join(tmpdir(), 'wifox-console-')),
    dialogs: cancellingDialogs,
    logger,
    http: { retryDelayMs: 5 },
    ...overrides,
  });
  const router = createIpcRouter(services.handlers, { isTrustedSender: (sender) => sender.frameUrl === APP_SENDER.frameUrl, logger });
  return {
    services,
    router,
    call: (channel, arg) => router.dispatch(channel, arg, APP_SENDER),
    events,
    logs,
    clipboard,
    store,
    secrets,
  };
};

// A SecretStore that remembers every value it was given, so tests can look for them elsewhere.
export class RecordingSecretStore implements SecretStore {
  readonly seen: string[] = [];

  constructor(private readonly inner: SecretStore = new MemorySecretStore()) {}

  get(account: string): Promise<string | null> {
    return this.inner.get(account);
  }

  async set(account: string, secret: string): Promise<void> {
    this.seen.push(secret);
    await this.inner.set(account, secret);
  }

  delete(account: string): Promise<boolean> {
    return this.inner.delete(account);
  }
}
