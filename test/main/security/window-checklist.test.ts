import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { senderInfo } from '../../../main/adapters/ipc';
import { createIpcRouter, type IpcHandlers, type SenderInfo } from '../../../main/ipc/handle';
import { createTrustedSenderCheck } from '../../../main/ipc/trusted-sender';
import { mainWindowOptions } from '../../../main/window/create';
import { createExternalOpener } from '../../../main/window/external-links';
import { CHANNELS } from '../../../shared/ipc/contract';
import { APP_SENDER, buildConsole } from '../support/console';
import { filesUnder } from '../support/leak-scan';

const root = join(import.meta.dirname, '../../..');
const webPreferences = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs' }).webPreferences ?? {};

// Main-process sources: main/ and preload/ (the inventory feature included).
const sources = (): { path: string; text: string }[] =>
  ['main', 'preload']
    .flatMap((dir) => filesUnder(join(root, dir)))
    .filter((path) => path.endsWith('.ts'))
    .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('Electron checklist: the window and the main process', () => {
  it('secure content only: nothing in main loads a file:// URL or uses loadFile; windows load app://', () => {
    const found = sources().filter(({ text }) => /\bloadFile\s*\(|file:\/\//.test(text));
    expect(found.map(({ path }) => path)).toEqual([]);
    const index = readFileSync(join(root, 'main/index.ts'), 'utf8');
    expect(index).toMatch(/loadURL\(devOrigins\[0\] \?\? `\$\{APP_ORIGIN\}\/index\.html`\)/);
  });

  it('every BrowserWindow is built from mainWindowOptions', () => {
    const constructions = sources().flatMap(({ path, text }) =>
      [...text.matchAll(/new BrowserWindow\(([^)]*)/g)].map((match) => ({ path, args: match[1] ?? '' })),
    );
    expect(constructions.length).toBeGreaterThan(0);
    for (const { path, args } of constructions) expect(args, path).toMatch(/^mainWindowOptions\(/);
  });

  it('no Node integration in the page, its workers or its subframes', () => {
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.nodeIntegrationInWorker).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('context isolation', () => {
    expect(webPreferences.contextIsolation).toBe(true);
  });

  it('sandbox', () => {
    expect(webPreferences.sandbox).toBe(true);
  });

  it('webSecurity on', () => {
    expect(webPreferences.webSecurity).toBe(true);
  });

  it('no allowRunningInsecureContent, experimentalFeatures or enableBlinkFeatures', () => {
    expect(webPreferences.allowRunningInsecureContent).toBe(false);
    expect(webPreferences.experimentalFeatures).toBe(false);
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    // Nor anywhere else in main: no second window or session could switch them on.
    const loosened = sources().filter(({ text }) =>
      /enableBlinkFeatures|allowRunningInsecureContent:\s*true|experimentalFeatures:\s*true|nodeIntegration\w*:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|webviewTag:\s*true/.test(text),
    );
    expect(loosened.map(({ path }) => path)).toEqual([]);
  });

  it('no webview tag', () => {
    expect(webPreferences.webviewTag).toBe(false);
  });

  it('a current Electron: pinned exactly, major 45 or later, and that is what is installed', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const pinned = pkg.devDependencies.electron ?? '';
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(45);
    const installed = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(pinned);
  });

  it('openExternal only for checked http(s) URLs, whatever string the page produces', () => {
    const opened: string[] = [];
    const open = createExternalOpener(async (url) => {
      opened.push(url);
    });
    const urlish = fc.oneof(
      fc.string(),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(fc.constantFrom('file', 'javascript', 'smb', 'ms-msdt', 'wifox', 'data', 'app', 'ftp', 'HTTPS', 'http'), fc.string())
        .map(([scheme, rest]) => `${scheme}:${rest}`),
      fc.tuple(fc.webUrl(), fc.string({ minLength: 1 })).map(([url, user]) => url.replace('://', `://${encodeURIComponent(user)}@`)),
    );
    fc.assert(
      fc.property(urlish, (raw) => {
        opened.length = 0;
        const accepted = open(raw);
        expect(opened).toHaveLength(accepted ? 1 : 0);
        if (!accepted) return;
        const url = new URL(opened[0] ?? '');
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username).toBe('');
        expect(url.password).toBe('');
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('Electron checklist: every IPC sender validated', () => {
  const setup = () => {
    const { services } = buildConsole();
    const reached: string[] = [];
    const handlers = Object.fromEntries(
      CHANNELS.map((channel) => [
        channel,
        (arg: unknown, sender: SenderInfo) => {
          reached.push(channel);
          return (services.handlers[channel] as (arg: unknown, sender: SenderInfo) => unknown)(arg, sender);
        },
      ]),
    ) as unknown as IpcHandlers;
    const router = createIpcRouter(handlers, {
      isTrustedSender: createTrustedSenderCheck({ isAppWebContents: (id) => id === APP_SENDER.webContentsId }),
    });
    return { router, reached };
  };

  it('refuses another origin, a subframe, a null URL and an unknown webContents on every channel, before any handler', async () => {
    const { router, reached } = setup();
    const untrusted: Record<string, SenderInfo> = {
      'another origin': { ...APP_SENDER, frameUrl: 'https://evil.example/index.html' },
      'a lookalike app origin': { ...APP_SENDER, frameUrl: 'app://wifox.evil/index.html' },
      'a subframe': { ...APP_SENDER, isMainFrame: false },
      'a null URL': { ...APP_SENDER, frameUrl: null },
      'an unknown webContents': { ...APP_SENDER, webContentsId: 99 },
    };
    for (const channel of CHANNELS) {
      for (const [label, sender] of Object.entries(untrusted)) {
        const envelope = await router.dispatch(channel, undefined, sender);
        expect(envelope, `${channel} from ${label}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(reached).toEqual([]);
    expect(await router.dispatch('settings.get', undefined, APP_SENDER)).toMatchObject({ ok: true });
    expect(reached).toEqual(['settings.get']);
  });

  it('a frame Electron no longer knows (senderFrame null) is reported as no URL and no main frame, and refused', async () => {
    const { router, reached } = setup();
    const event = { sender: { id: APP_SENDER.webContentsId, mainFrame: {} }, senderFrame: null } as unknown as IpcMainInvokeEvent;
    const sender = senderInfo(event);
    expect(sender).toEqual({ webContentsId: APP_SENDER.webContentsId, frameUrl: null, isMainFrame: false });
    expect(await router.dispatch('profiles.list', undefined, sender)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(reached).toEqual([]);
  });

  it('main registers IPC only through the router: no ipcMain.on/handle outside the adapter', () => {
    const direct = sources().filter(
      ({ path, text }) => path !== join('main', 'adapters', 'ipc.ts') && /ipcMain\.(on|once|handle|handleOnce)\(/.test(text),
    );
    expect(direct.map(({ path }) => path)).toEqual([]);
    expect(readFileSync(join(root, 'main/index.ts'), 'utf8')).toMatch(/isTrustedSender: createTrustedSenderCheck\(/);
  });
});
