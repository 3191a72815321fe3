import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClipboardItem, FakeElectronClipboard } from './fakes/electron';

// main/adapters/clipboard.ts against a fake of Electron's clipboard module.
const electron = vi.hoisted(() => ({ clipboard: null as unknown }));
vi.mock('electron', async () => {
  const fakes = await import('./fakes/electron');
  return {
    get clipboard() {
      return electron.clipboard;
    },
    ClipboardItem: fakes.FakeClipboardItem,
  };
});

const { createElectronClipboard } = await import('../../main/adapters/clipboard');

const SECRET = `wfx_${'b'.repeat(38)}`;
const os = (name: string): string => `electron application/osclipboard;format="${name}"`;

let fake: FakeElectronClipboard;
beforeEach(() => {
  fake = new FakeElectronClipboard();
  electron.clipboard = fake;
});

// The one transaction written, as type → payload bytes.
const written = async (): Promise<Record<string, number[]>> => {
  expect(fake.transactions).toHaveLength(1);
  const [items] = fake.transactions;
  expect(items).toHaveLength(1);
  const item = items?.[0] as FakeClipboardItem;
  expect(item).toBeInstanceOf(FakeClipboardItem);
  const entries = await Promise.all(
    Object.entries(item.items).map(async ([type, payload]) => {
      const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : new Uint8Array(await payload.arrayBuffer());
      return [type, [...bytes]] as [string, number[]];
    }),
  );
  return Object.fromEntries(entries);
};

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

describe('copying a secret through Electron\'s clipboard', () => {
  it('Windows: text plus the history, monitor and cloud exclusions, in one write', async () => {
    await expect(createElectronClipboard('win32', undefined).writeSecret(SECRET)).resolves.toEqual({ historyExcluded: true });
    expect(await written()).toEqual({
      'text/plain': utf8(SECRET),
      [os('ExcludeClipboardContentFromMonitorProcessing')]: [0, 0, 0, 0],
      [os('CanIncludeInClipboardHistory')]: [0, 0, 0, 0],
      [os('CanUploadToCloudClipboard')]: [0, 0, 0, 0],
    });
  });

  it('macOS: text plus org.nspasteboard.ConcealedType', async () => {
    await expect(createElectronClipboard('darwin', undefined).writeSecret(SECRET)).resolves.toEqual({ historyExcluded: true });
    expect(await written()).toEqual({ 'text/plain': utf8(SECRET), [os('org.nspasteboard.ConcealedType')]: utf8(SECRET) });
  });

  it('KDE: text plus x-kde-passwordManagerHint = secret, which Klipper honours', async () => {
    await expect(createElectronClipboard('linux', 'KDE').writeSecret(SECRET)).resolves.toEqual({ historyExcluded: true });
    expect(await written()).toEqual({ 'text/plain': utf8(SECRET), [os('x-kde-passwordManagerHint')]: utf8('secret') });
  });

  it('GNOME and other desktops: the hint is written, but the copy is reported as not excluded from history', async () => {
    for (const desktop of ['ubuntu:GNOME', undefined]) {
      fake.transactions.length = 0;
      await expect(createElectronClipboard('linux', desktop).writeSecret(SECRET), String(desktop)).resolves.toEqual({ historyExcluded: false });
      expect(Object.keys(await written())).toEqual(['text/plain', os('x-kde-passwordManagerHint')]);
    }
  });

  it('reads and clears through the same module', async () => {
    const port = createElectronClipboard('linux', 'KDE');
    await port.writeSecret(SECRET);
    expect(await port.readText()).toBe(SECRET);
    await port.clear();
    expect(await port.readText()).toBe('');
  });
});
