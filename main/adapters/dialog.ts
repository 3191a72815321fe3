import { type BrowserWindow, dialog } from 'electron';

// Native dialogs, behind a port so features (inventory export/open) stay testable.
export interface DialogPort {
  chooseSavePath(options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  chooseOpenPath(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
}

export const createElectronDialogs = (parent: () => BrowserWindow | null): DialogPort => ({
  async chooseSavePath(options) {
    const window = parent();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async chooseOpenPath(options) {
    const settings = { ...options, properties: ['openFile' as const] };
    const window = parent();
    const result = window ? await dialog.showOpenDialog(window, settings) : await dialog.showOpenDialog(settings);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
});
