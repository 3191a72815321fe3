import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type EventName, type EventPayload, ipcEvents } from '../../shared/ipc/contract';
import type { IpcRouter, SenderInfo } from '../ipc/handle';
import type { EventSink, Logger } from '../ports';

export const senderInfo = (event: IpcMainInvokeEvent): SenderInfo => {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
  };
};

// One ipcMain.handle per contract channel, each forwarding to the router.
export const registerIpcRouter = (ipcMain: IpcMain, router: IpcRouter): (() => void) => {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) => router.dispatch(channel, arg, senderInfo(event)));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
};

// Events go only to the app's own windows, checked against the contract before leaving.
export const createWindowEventSink = (targets: () => WebContents[], logger: Logger): EventSink => ({
  emit<E extends EventName>(event: E, payload: EventPayload<E>) {
    const parsed = ipcEvents[event].safeParse(payload);
    if (!parsed.success) {
      logger.error('refused to send an event outside the contract', { event });
      return;
    }
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(event, parsed.data);
    }
  },
});
