import { contextBridge, ipcRenderer } from 'electron';
import { makeBridge } from '../shared/ipc/bridge';

// Only the typed bridge crosses into the page: no ipcRenderer, no generic send.
contextBridge.exposeInMainWorld(
  'wifox',
  makeBridge(
    (channel, arg) => ipcRenderer.invoke(channel, arg),
    (event, listener) => {
      const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  ),
);
