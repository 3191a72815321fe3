import { useEffect, useState } from 'react';
import type { IpcError, Result } from '../../../shared/ipc/errors';
import type { InventorySnapshot } from '../../../shared/inventory';
import { useBridge } from '../../ipc/BridgeContext';
import { cachedCopy } from '../snapshotRows';

export type CachedSnapshotState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; snapshot: InventorySnapshot | null }
  | { status: 'error'; error: IpcError };

type Loaded = { key: string; result: Result<InventorySnapshot | null> };

/**
 * The profile's offline copy, asked for only while `active` (the whole inventory crosses the
 * process boundary, in chunks, so not for nothing), after `graceMs`, and again whenever `generation` moves on: each full
 * load while connected refreshes the copy in main. A copy already on screen stays there
 * while the newer one loads.
 */
export function useCachedSnapshot(profileId: string, active: boolean, generation: string, graceMs = 0): CachedSnapshotState {
  const bridge = useBridge();
  const key = `${profileId}:${generation}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!active) return;
    const unwanted = new AbortController();
    const ask = () =>
      void cachedCopy(bridge, profileId, unwanted.signal).then(
        (result) => {
          if (!unwanted.signal.aborted) setLoaded({ key, result });
        },
        (error: unknown) => {
          if (!unwanted.signal.aborted) throw error;
        },
      );
    // Asked only once `graceMs` have passed while still wanted: an answer due within it makes
    // the copy (the whole inventory across the process boundary) not worth asking for.
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (graceMs > 0) timer = setTimeout(ask, graceMs);
    else ask();
    return () => {
      unwanted.abort();
      clearTimeout(timer);
    };
  }, [bridge, profileId, key, active, graceMs]);

  if (!active) return { status: 'idle' };
  if (loaded === null) return { status: 'loading' };
  return loaded.result.ok ? { status: 'ready', snapshot: loaded.result.value } : { status: 'error', error: loaded.result.error };
}
