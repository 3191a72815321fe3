// Composition root: the only file that wires Electron to the plain services (besides the small
// adapters in ./adapters). Everything below it runs without Electron in tests.
import { app, BrowserWindow, ipcMain, Menu, Notification, protocol, screen, shell, type WebContents } from 'electron';
import { fileURLToPath } from 'node:url';
import { createElectronStore } from './adapters/electron-store';
import { createElectronClipboard } from './adapters/clipboard';
import { createElectronDialogs } from './adapters/dialog';
import { createWindowEventSink, registerIpcRouter } from './adapters/ipc';
import { createElectronNotifier } from './adapters/notification';
import { KeyringSecretStore } from './adapters/keyring';
import { createConsoleServices } from './console-services';
import { nodeSha256 } from './inventory/sha256';
import { inProcessSnapshotReader, readerBySize } from './inventory/snapshot-reader';
import { workerSnapshotReader } from './inventory/snapshot-worker-reader';
import { createIpcRouter } from './ipc/handle';
import { APP_ORIGIN, APP_SCHEME, createTrustedSenderCheck } from './ipc/trusted-sender';
import { stderrLogger } from './logger';
import { buildMenuTemplate } from './menu';
import { serveAppRequest } from './protocol';
import { WindowStateStore } from './window/bounds';
import { mainWindowOptions } from './window/create';
import { createExternalOpener } from './window/external-links';
import { hardenWebContents } from './window/harden';

const logger = stderrLogger();
const isDev = !app.isPackaged && process.env.ELECTRON_RENDERER_URL !== undefined;
const devOrigins = isDev && process.env.ELECTRON_RENDERER_URL ? [process.env.ELECTRON_RENDERER_URL] : [];
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// Built beside this file from main/inventory/snapshot-worker.ts (electron.vite.config.ts).
const snapshotWorkerPath = fileURLToPath(new URL('./snapshot-worker.js', import.meta.url));

// Read once and dropped from the environment, so no child process inherits the password.
const demoEmail = process.env.WIFOX_DEMO_EMAIL ?? process.env.WIFOX_ADMIN_EMAIL ?? 'admin@wifox.local';
const demoPassword = process.env.WIFOX_DEMO_PASSWORD ?? process.env.WIFOX_ADMIN_PASSWORD;
delete process.env.WIFOX_DEMO_PASSWORD;
delete process.env.WIFOX_ADMIN_PASSWORD;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  const appContents = new Map<number, WebContents>();
  const openExternal = createExternalOpener((url) => shell.openExternal(url));

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal, extraOrigins: devOrigins });
  });

  await app.whenReady();

  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', isDev })));

  const store = createElectronStore();
  const services = createConsoleServices({
    store,
    secrets: new KeyringSecretStore(),
    clipboard: createElectronClipboard(),
    events: createWindowEventSink(() => [...appContents.values()], logger),
    userDataDir: app.getPath('userData'),
    snapshotReader: readerBySize(inProcessSnapshotReader(nodeSha256), workerSnapshotReader(snapshotWorkerPath)),
    dialogs: createElectronDialogs(() => BrowserWindow.getFocusedWindow()),
    // A click on an expiry reminder brings the window forward on the filtered list.
    notifier: createElectronNotifier(Notification, () => {
      const [window] = BrowserWindow.getAllWindows();
      if (window?.isMinimized()) window.restore();
      window?.focus();
    }),
    logger,
  });
  const router = createIpcRouter(services.handlers, {
    isTrustedSender: createTrustedSenderCheck({ isAppWebContents: (id) => appContents.has(id), extraOrigins: devOrigins }),
    logger,
  });
  registerIpcRouter(ipcMain, router);

  const startup = services
    .start({
      name: 'Local demo',
      baseUrl: process.env.WIFOX_API_URL ?? 'http://127.0.0.1:8787',
      email: demoEmail,
      followBaseUrl: process.env.WIFOX_API_URL !== undefined,
    })
    .then(() => signInDemo(services))
    .catch((error: unknown) => logger.warn('startup sign-in did not complete', { error: String(error).slice(0, 200) }));

  const windowState = new WindowStateStore(store);
  const openWindow = (): BrowserWindow => {
    const saved = windowState.load(screen.getAllDisplays().map((display) => display.workArea));
    const window = new BrowserWindow(mainWindowOptions({ preloadPath, ...(saved ? { bounds: saved } : {}) }));
    const id = window.webContents.id;
    appContents.set(id, window.webContents);
    if (saved?.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    window.on('close', () => {
      windowState.save({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    });
    window.on('closed', () => appContents.delete(id));
    void window.loadURL(devOrigins[0] ?? `${APP_ORIGIN}/index.html`);
    return window;
  };

  // Open the window once the session is known, so the first screen is the right one.
  await startup;
  openWindow();

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The copied secret leaves the clipboard with the app.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    void services.dispose().finally(() => app.quit());
  });
}

// `npm start` passes the demo administrator's password so the embedded demo opens signed in.
async function signInDemo(services: ReturnType<typeof createConsoleServices>): Promise<void> {
  if (demoPassword === undefined) return;
  const state = await services.session.state();
  if (state.status === 'signedIn') return;
  const demo = services.profiles.list().find((profile) => profile.name === 'Local demo');
  if (demo) await services.session.signIn(demo.id, demoPassword);
}
