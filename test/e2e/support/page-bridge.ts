// Runs in the page before the renderer: the same `window.wifox` the preload exposes, built by
// the same makeBridge, with Playwright's exposeBinding in place of Electron's IPC transport.
import { makeBridge } from '../../../shared/ipc/bridge';
import type { Channel, EventName } from '../../../shared/ipc/contract';

type Listener = (payload: unknown) => void;

declare global {
  interface Window {
    __wifoxInvoke(channel: Channel, arg: unknown): Promise<unknown>;
    __wifoxEmit(event: EventName, payload: unknown): void;
  }
}

const listeners = new Map<EventName, Set<Listener>>();

Object.defineProperty(window, '__wifoxEmit', {
  value: (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  },
});

const bridge = makeBridge(
  (channel, arg) => window.__wifoxInvoke(channel, arg),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
);

Object.defineProperty(window, 'wifox', { value: Object.freeze(bridge), enumerable: true });
