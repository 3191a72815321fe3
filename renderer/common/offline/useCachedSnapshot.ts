import { useEffect, useState } from 'react';
import type { IpcError, Result } from '../../../shared/ipc/errors';
import type { InventorySnapshot } from '../../../shared/inventory';
import { useBridge } from '../../ipc/BridgeContext';

export type CachedSnapshotState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; snapshot: InventorySnapshot | null }
  | { status: 'error'; error: IpcError };

type Loaded = { key: string; result: Result<InventorySnapshot | null> };

/**
 * The profile's offline copy, asked for only while `active` (the whole inventory crosses the
 * process boundary, so not for nothing), and again whenever `generation` moves on: each full
 * load while connected refreshes the copy in main. A copy already on screen stays there
 * while the newer one loads.
 */
export function useCachedSnapshot(profileId: string, active: boolean, generation: string): CachedSnapshotState {
  const bridge = useBridge();
  const key = `${profileId}:${generation}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!active) return;
    let current = true;
    void bridge.inventory.cached({ profileId }).then((result) => {
      if (current) setLoaded({ key, result });
    });
    return () => {
      current = false;
    };
  }, [bridge, profileId, key, active]);

  if (!active) return { status: 'idle' };
  if (loaded === null) return { status: 'loading' };
  return loaded.result.ok ? { status: 'ready', snapshot: loaded.result.value } : { status: 'error', error: loaded.result.error };
}
