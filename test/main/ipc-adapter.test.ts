import { describe, expect, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { createWindowEventSink, registerIpcRouter } from '../../main/adapters/ipc';
import { createIpcRouter } from '../../main/ipc/handle';
import { createTrustedSenderCheck } from '../../main/ipc/trusted-sender';
import { silentLogger } from '../../main/ports';
import { CHANNELS } from '../../shared/ipc/contract';
import { FakeIpcMain, FakeSenderContents } from './fakes/electron';
import { buildConsole } from './support/console';

describe('the Electron IPC adapter', () => {
  const setup = () => {
    const { services } = buildConsole();
    const ipcMain = new FakeIpcMain();
    const router = createIpcRouter(services.handlers, {
      isTrustedSender: createTrustedSenderCheck({ isAppWebContents: (id) => id === 7 }),
    });
    const unregister = registerIpcRouter(ipcMain as unknown as IpcMain, router);
    return { ipcMain, unregister };
  };

  it('registers exactly the contract channels and removes them again', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('tells the router who called: our window, another webContents, or a subframe', async () => {
    const { ipcMain } = setup();
    await expect(ipcMain.invoke('settings.get', undefined, { webContentsId: 7, url: 'app://wifox/index.html' })).resolves.toMatchObject({
      ok: true,
    });
    await expect(ipcMain.invoke('settings.get', undefined, { webContentsId: 8, url: 'app://wifox/index.html' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await expect(
      ipcMain.invoke('settings.get', undefined, { webContentsId: 7, url: 'app://wifox/frame.html', subFrame: true }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sends events only when they match the contract, and not to closed windows', () => {
    const open = new FakeSenderContents(1);
    const closed = new FakeSenderContents(2);
    closed.destroyed = true;
    const sink = createWindowEventSink(() => [open, closed] as unknown as WebContents[], silentLogger);
    sink.emit('connection.changed', { profileId: 'p1', state: 'offline' });
    sink.emit('connection.changed', { profileId: 'p1', state: 'sideways' } as never);
    expect(open.sent).toEqual([{ channel: 'connection.changed', payload: { profileId: 'p1', state: 'offline' } }]);
    expect(closed.sent).toEqual([]);
  });
});
