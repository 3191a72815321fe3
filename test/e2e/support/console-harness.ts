import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type ConsoleServices, createConsoleServices } from '../../../main/console-services';
import { createIpcRouter, type IpcRouter } from '../../../main/ipc/handle';
import { createConsoleLogger } from '../../../main/logger';
import type { InventoryDialogPort } from '../../../main/inventory/dialog-port';
import type { ClipboardPort, EventSink, SecretStore } from '../../../main/ports';
import { createElectronStore } from '../../../main/adapters/electron-store';
import { createElectronNotifier } from '../../../main/adapters/notification';
import { fakeNotificationClass, type FakeNotificationClass } from '../../support/fake-notification';
import type { EventName } from '../../../shared/ipc/contract';
import { join } from 'node:path';
import { nodeSha256 } from '../../../main/inventory/sha256';
import { inProcessSnapshotReader, readerBySize } from '../../../main/inventory/snapshot-reader';
import { workerSnapshotReader } from '../../../main/inventory/snapshot-worker-reader';
import { PAGE_BRIDGE_FILE, REPO_ROOT } from './paths';

// Electron's clipboard is the one module faked here: the system clipboard is not there headless.
export class MemoryClipboard implements ClipboardPort {
  text = '';
  async readText(): Promise<string> {
    return this.text;
  }
  async writeSecret(text: string): Promise<{ historyExcluded: boolean }> {
    this.text = text;
    return { historyExcluded: true };
  }
  clear(): void {
    this.text = '';
  }
}

// Electron's save/open dialogs: a test queues the path the "user" picks next.
export class QueuedDialogs implements InventoryDialogPort {
  readonly saves: string[] = [];
  readonly opens: string[] = [];
  async chooseSavePath(): Promise<string | null> {
    return this.saves.shift() ?? null;
  }
  async chooseOpenPath(): Promise<string | null> {
    return this.opens.shift() ?? null;
  }
}

export type ConsoleHarness = {
  page: Page;
  context: BrowserContext;
  services: ConsoleServices;
  router: IpcRouter;
  clipboard: MemoryClipboard;
  dialogs: QueuedDialogs;
  // Electron's Notification, faked: the expiry reminders shown, each clickable.
  notifications: FakeNotificationClass;
  logs: string[];
  // Every channel the page invoked, in order, so a test can prove nothing was sent.
  calls: string[];
  close(): Promise<void>;
};

export type ConsoleHarnessOptions = {
  browser: Browser;
  rendererOrigin: string;
  userDataDir: string;
  secrets: SecretStore;
  apiUrl: string;
  adminEmail: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
};

// One "launch" of the console: the production services and IPC router over a user data folder
// and a keychain, with the built renderer in a Chromium page calling them through makeBridge.
// A second harness over the same folder and keychain is a restart.
export const openConsole = async (options: ConsoleHarnessOptions): Promise<ConsoleHarness> => {
  mkdirSync(options.userDataDir, { recursive: true });
  const logs: string[] = [];
  const calls: string[] = [];
  const logger = createConsoleLogger((_level, line) => logs.push(line));
  const clipboard = new MemoryClipboard();
  const dialogs = new QueuedDialogs();
  const notifications = fakeNotificationClass();
  // Events can fire before the page exists (session restore at start): those are dropped.
  const target: { page?: Page } = {};
  const events: EventSink = {
    emit(event: EventName, payload: unknown) {
      void target.page
        ?.evaluate(([name, data]) => window.__wifoxEmit(name as EventName, data), [event, payload] as const)
        .catch(() => undefined);
    },
  };
  const services = createConsoleServices({
    // The app's own electron-store, writing <userData>/console.json as the app does.
    store: createElectronStore({ cwd: options.userDataDir }),
    secrets: options.secrets,
    clipboard,
    events,
    userDataDir: options.userDataDir,
    // Inventory files are read as the app reads them: big ones by the built worker.
    snapshotReader: readerBySize(inProcessSnapshotReader(nodeSha256), workerSnapshotReader(join(REPO_ROOT, 'out/main/snapshot-worker.js'))),
    dialogs,
    notifier: createElectronNotifier(notifications),
    logger,
    http: { retryDelayMs: 20 },
  });
  const router = createIpcRouter(services.handlers, {
    isTrustedSender: (sender) => sender.isMainFrame && sender.frameUrl?.startsWith(`${options.rendererOrigin}/`) === true,
    logger,
  });
  await services.start({ name: 'Local demo', baseUrl: options.apiUrl, email: options.adminEmail, followBaseUrl: true });

  const context = await options.browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1400, height: 900 },
    locale: 'en-GB',
  });
  // Generous for a loaded 2-core machine, short enough that a wrong label fails fast.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  target.page = page;
  page.on('console', (message) => logs.push(`[page:${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => logs.push(`[page:error] ${error.message}`));
  await page.exposeBinding('__wifoxInvoke', async (source, channel: string, arg: unknown) => {
    calls.push(channel);
    return router.dispatch(channel, arg, { webContentsId: 1, frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() });
  });
  await page.addInitScript({ content: readFileSync(PAGE_BRIDGE_FILE, 'utf8') });
  await page.goto(`${options.rendererOrigin}/index.html`);

  return {
    page,
    context,
    services,
    router,
    clipboard,
    dialogs,
    notifications,
    logs,
    calls,
    async close() {
      await context.close();
      await services.dispose();
    },
  };
};
