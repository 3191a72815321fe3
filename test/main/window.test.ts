import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../main/menu';
import { WindowStateStore } from '../../main/window/bounds';
import { mainWindowOptions } from '../../main/window/create';
import { createExternalOpener, isSafeExternalUrl } from '../../main/window/external-links';
import { hardenWebContents } from '../../main/window/harden';
import { testStore } from '../support/electron-store';
import { FakeWebContents } from './fakes/electron';

const hardened = () => {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  const openExternal = createExternalOpener(async (url) => {
    opened.push(url);
  });
  hardenWebContents(contents, { openExternal });
  return { contents, opened };
};

describe('window options', () => {
  it('isolates the renderer and loads the sandboxed CommonJS preload', () => {
    const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs' });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('reopens where it was, and not on a display that is gone', () => {
    const store = testStore();
    const state = new WindowStateStore(store);
    state.save({ x: 100, y: 50, width: 1200, height: 800, maximized: false });
    const display = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(state.load([display])).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: false });
    expect(state.load([{ ...display, x: 5000 }])).toEqual({ width: 1200, height: 800, maximized: false });
    store.set('window', { x: 'left' });
    expect(state.load([display])).toBeUndefined();
  });

  it('has an Edit menu and shows reload only in development', () => {
    const production = JSON.stringify(buildMenuTemplate({ isMac: false, isDev: false }));
    expect(production).toContain('editMenu');
    expect(production).not.toContain('"reload"');
    expect(JSON.stringify(buildMenuTemplate({ isMac: false, isDev: true }))).toContain('"reload"');
  });
});

describe('hardenWebContents', () => {
  it('denies every window.open and sends only http(s) links to the system browser', () => {
    const { contents, opened } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://docs.wifox.example/tokens' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://wifox/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://docs.wifox.example/tokens']);
  });

  it('blocks navigation away from app://wifox and keeps navigation inside it', () => {
    const { contents, opened } = hardened();
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///tmp/x.html')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://wifox/index.html')).toBe(false);
    expect(opened).toEqual(['https://evil.example/', 'http://127.0.0.1:9/']);
  });

  it('refuses webviews and every permission', () => {
    const { contents } = hardened();
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      contents.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
      answers.push(contents.permissionCheckHandler?.({}, permission) ?? true);
    }
    expect(answers).toHaveLength(10);
    expect(answers.every((granted) => granted === false)).toBe(true);
  });
});

describe('external links', () => {
  it('accepts plain http(s) only', () => {
    expect(isSafeExternalUrl('https://wifox.example/docs')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('https://user:pass@example.com')).toBe(false);
    expect(isSafeExternalUrl('smb://share/x')).toBe(false);
    expect(isSafeExternalUrl('data:text/html,<script>')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });
});
