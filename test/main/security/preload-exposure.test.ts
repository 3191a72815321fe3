import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcEvents, type EventName } from '../../../shared/ipc/contract';

const EVENT_NAMES = Object.keys(ipcEvents) as EventName[];

// preload/index.ts loaded against a fake `electron`: a contextBridge that records what is
// exposed, and an ipcRenderer that records what the page could reach through it.
const electron = vi.hoisted(() => {
  type Listener = (event: unknown, ...args: unknown[]) => void;
  const exposed: { key: string; api: unknown }[] = [];
  const invoked: { channel: string; arg: unknown }[] = [];
  const listeners = new Map<string, Listener[]>();
  const answers: { next: unknown } = { next: undefined };
  const ipcRenderer = {
    invoke: async (channel: string, arg: unknown) => {
      invoked.push({ channel, arg });
      return answers.next;
    },
    on: (channel: string, listener: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
      return ipcRenderer;
    },
    send: () => undefined,
    sendSync: () => undefined,
    postMessage: () => undefined,
  };
  const module = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        exposed.push({ key, api });
      },
    },
    ipcRenderer,
  };
  return { exposed, invoked, listeners, answers, ipcRenderer, module };
});

vi.mock('electron', () => electron.module);

beforeAll(async () => {
  await import('../../../preload/index');
});

const exposedApi = (): Record<string, unknown> => {
  expect(electron.exposed).toHaveLength(1);
  return electron.exposed[0]?.api as Record<string, unknown>;
};

// Every path to a non-object value in the exposed tree.
const leaves = (value: unknown, path: string[] = []): { path: string; value: unknown }[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, [...path, key]))
    : [{ path: path.join('.'), value }];

// Whether the ipcRenderer (or any of its functions) is reachable from a value.
const reachesIpcRenderer = (value: unknown, seen = new Set<unknown>()): boolean => {
  if (value === electron.ipcRenderer || Object.values(electron.ipcRenderer).includes(value as never)) return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value as Record<string, unknown>).some((child) => reachesIpcRenderer(child, seen));
};

describe('Electron checklist: no Electron API exposed beyond window.wifox', () => {
  it('exposes exactly one key, wifox', () => {
    expect(electron.exposed.map(({ key }) => key)).toEqual(['wifox']);
  });

  it('exposes only functions named after contract channels, plus on', () => {
    const found = leaves(exposedApi());
    expect(found.every(({ value }) => typeof value === 'function')).toBe(true);
    expect(found.map(({ path }) => path).sort()).toEqual([...CHANNELS, 'on'].sort());
    expect(reachesIpcRenderer(exposedApi())).toBe(false);
  });

  it('no function hands back ipcRenderer, even when main answers with it', async () => {
    const api = exposedApi();
    electron.answers.next = electron.ipcRenderer;
    for (const channel of CHANNELS) {
      const [namespace, method] = channel.split('.') as [string, string];
      const fn = (api[namespace] as Record<string, (arg?: unknown) => Promise<unknown>>)[method];
      const result = await fn?.({});
      expect(reachesIpcRenderer(result), channel).toBe(false);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'internal' } });
    }
    expect(electron.invoked.map(({ channel }) => channel)).toEqual(CHANNELS);
  });

  it('on delivers only the payload, never the IPC event, and its unsubscribe returns nothing', () => {
    const on = exposedApi().on as (event: string, listener: (...args: unknown[]) => void) => () => unknown;
    const received: unknown[][] = [];
    const stop = on('session.ended', (...args) => received.push(args));
    expect(reachesIpcRenderer(stop)).toBe(false);
    const [forward] = electron.listeners.get('session.ended') ?? [];
    const payload = { profileId: 'p1', reason: 'expired', message: 'Sign in again.' };
    forward?.({ sender: electron.ipcRenderer, senderId: 0, ports: [] }, payload);
    expect(received).toEqual([[payload]]);
    expect(reachesIpcRenderer(received)).toBe(false);
    expect(stop()).toBeUndefined();
    expect(electron.listeners.get('session.ended')).toEqual([]);
  });

  it('on listens only to contract events: any other channel name reaches no ipcRenderer listener', () => {
    const on = exposedApi().on as (event: string, listener: (...args: unknown[]) => void) => () => unknown;
    const before = new Set(electron.listeners.keys());
    for (const name of ['electron-store-get-data', 'tokens.list', '__proto__', 'toString', 'constructor', '']) {
      const stop = on(name, () => undefined);
      expect(typeof stop, name).toBe('function');
      expect(stop(), name).toBeUndefined();
    }
    expect([...electron.listeners.keys()].filter((name) => !before.has(name))).toEqual([]);
    for (const event of EVENT_NAMES) on(event, () => undefined)();
    expect(EVENT_NAMES.every((event) => electron.listeners.has(event))).toBe(true);
  });
});
