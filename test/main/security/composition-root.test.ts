import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeWebContents } from '../fakes/electron';

// main/index.ts itself, loaded against a fake `electron` module: what it registers before the
// app is ready is what every window of the real app gets. `app.whenReady()` never settles
// here, so nothing past it runs.
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const appListeners = new Map<string, Listener[]>();
  const record = { privileged: [] as unknown[], opened: [] as string[], lockRequests: 0 };
  const app = {
    isPackaged: true,
    requestSingleInstanceLock: () => {
      record.lockRequests++;
      return true;
    },
    quit: () => undefined,
    on: (event: string, listener: Listener) => {
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      return app;
    },
    whenReady: () => new Promise<void>(() => undefined),
  };
  const module = {
    app,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        record.privileged.push(...schemes);
      },
      handle: () => undefined,
    },
    shell: {
      openExternal: async (url: string) => {
        record.opened.push(url);
      },
    },
    BrowserWindow: class {},
    ipcMain: {},
    Menu: {},
    screen: {},
    clipboard: {},
  };
  return { appListeners, record, module };
});

vi.mock('electron', () => electron.module);
// electron-store imports the real `electron` package, which outside Electron tries to fetch
// the Electron binary. The store is only built after whenReady, which never comes here.
vi.mock('electron-store', () => ({ default: class {} }));

beforeAll(async () => {
  await import('../../../main/index');
});

// A webContents as the app would create it: whatever main/index.ts does on
// 'web-contents-created' is applied to it.
const createdContents = (): FakeWebContents => {
  const contents = new FakeWebContents();
  const listeners = electron.appListeners.get('web-contents-created') ?? [];
  expect(listeners).toHaveLength(1);
  for (const listener of listeners) listener({}, contents);
  return contents;
};

const openedDuring = (action: () => void): string[] => {
  const before = electron.record.opened.length;
  action();
  return electron.record.opened.slice(before);
};

describe('Electron checklist: the composition root (main/index.ts)', () => {
  it('secure content only: the renderer scheme app:// is registered as standard and secure', () => {
    expect(electron.record.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    const [registered] = electron.record.privileged as { privileges: Record<string, unknown> }[];
    // Privileges that would loosen the page's sandbox are not granted.
    expect(registered?.privileges).not.toHaveProperty('bypassCSP');
    expect(registered?.privileges).not.toHaveProperty('corsEnabled');
    expect(registered?.privileges).not.toHaveProperty('allowServiceWorkers');
  });

  it('one instance: the single-instance lock is taken at start', () => {
    expect(electron.record.lockRequests).toBe(1);
  });

  it('new windows denied: window.open is refused, http(s) goes to the system browser, other schemes nowhere', () => {
    const contents = createdContents();
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    const toBrowser = ['https://docs.wifox.example/tokens', 'http://wifox.example/help'];
    const nowhere = [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://attacker.example/share',
      'ms-msdt:/id PCWDiagnostic',
      'wifox-admin://open',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'app://wifox/index.html',
      'https://user:password@wifox.example/',
      'about:blank',
    ];
    for (const url of [...toBrowser, ...nowhere]) expect(open(url), url).toEqual({ action: 'deny' });
    expect(openedDuring(() => toBrowser.forEach(open))).toEqual(toBrowser);
    expect(openedDuring(() => nowhere.forEach(open))).toEqual([]);
  });

  it('navigation limited: will-navigate and will-redirect to another origin are prevented, the app origin is not', () => {
    const contents = createdContents();
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const url of [
        'https://evil.example/',
        'http://127.0.0.1:8787/',
        'file:///tmp/index.html',
        'app://other/index.html',
        'app://wifox.evil.example/index.html',
        'app://user@wifox/index.html',
        'javascript:alert(1)',
        'data:text/html,x',
      ]) {
        expect(contents.emitPreventable(event, url), `${event} ${url}`).toBe(true);
      }
      for (const url of ['app://wifox/index.html', 'app://wifox/', 'app://wifox/index.html#/tokens?status=expired']) {
        expect(contents.emitPreventable(event, url), `${event} ${url}`).toBe(false);
      }
    }
  });

  it('openExternal only for checked http(s) URLs: a blocked navigation hands only those to the browser', () => {
    const contents = createdContents();
    const opened = openedDuring(() => {
      for (const url of ['https://evil.example/x', 'file:///etc/passwd', 'smb://host/share', 'https://a:b@evil.example/', 'custom://x']) {
        contents.emitPreventable('will-navigate', url);
      }
    });
    expect(opened).toEqual(['https://evil.example/x']);
  });

  it('no webview: attaching one is prevented', () => {
    expect(createdContents().emitPreventable('will-attach-webview', { nodeIntegration: true }, { src: 'https://evil.example' })).toBe(true);
  });

  it('permission requests denied: both the request and the check handler say no to everything', () => {
    const contents = createdContents();
    expect(contents.permissionRequestHandler).not.toBeNull();
    expect(contents.permissionCheckHandler).not.toBeNull();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown']) {
      const answers: boolean[] = [];
      contents.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(contents.permissionCheckHandler?.({}, permission), permission).toBe(false);
    }
  });
});
