import { useEffect, useState } from 'react';
import { useBridge } from '../ipc/BridgeContext';

/**
 * Requests of the last 30 days per token, for the list's Requests column and sort: one call
 * (the server sums its per-day counters) when the column or the sort asks for it, again after
 * each load of the list. Null until it answers, and whenever the list is not live.
 */
export function useRequestCounts(wanted: boolean, loadedAt: string | null | undefined): ReadonlyMap<number, number> | null {
  const bridge = useBridge();
  const [counts, setCounts] = useState<ReadonlyMap<number, number> | null>(null);
  useEffect(() => {
    if (!wanted || loadedAt === undefined) return;
    let current = true;
    void bridge.usage.totals().then((result) => {
      if (current && result.ok) setCounts(new Map(result.value.items.map((item) => [item.tokenId, item.requests])));
    });
    return () => {
      current = false;
    };
  }, [bridge, wanted, loadedAt]);
  return wanted && loadedAt !== undefined ? counts : null;
}
