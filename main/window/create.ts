import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export type WindowOptionsInput = {
  preloadPath: string;
  bounds?: Partial<Rectangle>;
  backgroundColor?: string;
};

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;

// Everything security-relevant about the window lives in these options, so a test can read them.
export const mainWindowOptions = ({ preloadPath, bounds, backgroundColor }: WindowOptionsInput): BrowserWindowConstructorOptions => ({
  width: bounds?.width ?? 1280,
  height: bounds?.height ?? 820,
  ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
  minWidth: MIN_WIDTH,
  minHeight: MIN_HEIGHT,
  show: false,
  title: 'Wifox Token Console',
  backgroundColor: backgroundColor ?? '#ffffff',
  webPreferences: {
    preload: preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  },
});
