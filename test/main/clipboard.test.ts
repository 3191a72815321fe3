import { describe, expect, it } from 'vitest';
import { ClipboardService } from '../../main/services/clipboard-service';
import { SettingsService } from '../../main/services/settings-service';
import { testStore } from '../support/electron-store';
import { FakeClipboard } from './fakes/electron';
import { ManualScheduler } from './fakes/scheduler';

const setup = (clearSeconds?: 10 | 30 | 60 | 120 | null) => {
  const clipboard = new FakeClipboard();
  const settings = new SettingsService(testStore());
  if (clearSeconds !== undefined) settings.set({ clipboardClearSeconds: clearSeconds });
  const scheduler = new ManualScheduler();
  return { clipboard, scheduler, service: new ClipboardService(clipboard, settings, scheduler) };
};

const SECRET = `wfx_${'a'.repeat(38)}`;

describe('ClipboardService', () => {
  it('copies the secret and says when the clipboard clears (30 s by default)', async () => {
    const { clipboard, scheduler, service } = setup();
    await expect(service.copySecret(SECRET)).resolves.toEqual({ clearsInSeconds: 30, historyExcluded: true });
    expect(clipboard.text).toBe(SECRET);
    expect(scheduler.pendingDelays()).toEqual([30_000]);
  });

  it('clears after the configured delay when the clipboard still holds the secret', async () => {
    const { clipboard, scheduler, service } = setup(10);
    await expect(service.copySecret(SECRET)).resolves.toEqual({ clearsInSeconds: 10, historyExcluded: true });
    expect(scheduler.pendingDelays()).toEqual([10_000]);
    await scheduler.runAll();
    expect(clipboard.text).toBe('');
    expect(clipboard.clears).toBe(1);
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const { clipboard, scheduler, service } = setup();
    await service.copySecret(SECRET);
    clipboard.text = 'meeting notes';
    await scheduler.runAll();
    expect(clipboard.text).toBe('meeting notes');
    expect(clipboard.clears).toBe(0);
  });

  it('clears on quit when the secret is still there, and only then', async () => {
    const still = setup();
    await still.service.copySecret(SECRET);
    await still.service.dispose();
    expect(still.clipboard.text).toBe('');

    const replaced = setup();
    await replaced.service.copySecret(SECRET);
    replaced.clipboard.text = 'mine';
    await replaced.service.dispose();
    expect(replaced.clipboard.text).toBe('mine');
  });

  it('says when the desktop cannot keep the copy out of clipboard history', async () => {
    const { clipboard, service } = setup();
    clipboard.historyExcluded = false;
    await expect(service.copySecret(SECRET)).resolves.toEqual({ clearsInSeconds: 30, historyExcluded: false });
  });

  it('never clears when the setting is "never"', async () => {
    const { clipboard, scheduler, service } = setup(null);
    await expect(service.copySecret(SECRET)).resolves.toEqual({ clearsInSeconds: null, historyExcluded: true });
    expect(scheduler.pendingDelays()).toEqual([]);
    await service.dispose();
    expect(clipboard.text).toBe(SECRET);
  });

  it('a second copy replaces the first timer', async () => {
    const { clipboard, scheduler, service } = setup();
    await service.copySecret(SECRET);
    const second = `wfx_${'b'.repeat(38)}`;
    await service.copySecret(second);
    expect(scheduler.pendingDelays()).toEqual([30_000]);
    await scheduler.runAll();
    expect(clipboard.text).toBe('');
  });
});
