import { createContext, useContext, type ReactNode } from 'react';
import type { WifoxBridge } from '../../shared/ipc/bridge';

const BridgeContext = createContext<WifoxBridge | null>(null);

/** Supplies the bridge to the tree: `window.wifox` in the app, an in-memory fake in tests. */
export function BridgeProvider({ bridge, children }: { bridge: WifoxBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): WifoxBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge needs a BridgeProvider above it.');
  return bridge;
}
