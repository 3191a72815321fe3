import { isAppUrl } from '../ipc/trusted-sender';

// The slice of Electron's WebContents (and its Session) that hardening touches; a test passes a
// hand-written fake with the same shape.
export type HardenableContents = {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url?: string }, url: string) => void): unknown;
  on(
    event: 'will-attach-webview',
    listener: (event: { preventDefault(): void }, webPreferences: unknown, params: unknown) => void,
  ): unknown;
  session: {
    setPermissionRequestHandler(
      handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
    ): void;
    setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
  };
};

export type HardenOptions = {
  // Opens http(s) links in the system browser after checking them; false when refused.
  openExternal: (url: string) => boolean;
  // Dev server origin, when running `electron-vite dev`.
  extraOrigins?: readonly string[];
};

// Applied to every webContents the app creates.
export const hardenWebContents = (contents: HardenableContents, options: HardenOptions): void => {
  contents.setWindowOpenHandler(({ url }) => {
    options.openExternal(url);
    return { action: 'deny' };
  });

  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url, options.extraOrigins)) return;
    event.preventDefault();
    options.openExternal(url);
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });

  contents.session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
};
