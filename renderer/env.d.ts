import type { WifoxBridge } from '../shared/ipc/bridge';

declare global {
  interface Window {
    /** The typed bridge the preload exposes (shared/ipc/bridge.ts). */
    readonly wifox: WifoxBridge;
  }
}

export {};
