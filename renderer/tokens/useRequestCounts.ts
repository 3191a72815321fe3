import { useEffect, useState } from 'react';
import { useBridgeCall } from '../ipc/useBridgeCall';

/**
 * Requests of the last 30 days per token, for the list's Requests column and sort: one call
 * (the server sums its per-day counters) when the column or the sort asks for it, again after
 * each load of the list. Null until it answers, and whenever the list is not live.
 */
export function useRequestCounts(wanted: boolean, loadedAt: string | null | undefined): ReadonlyMap<number, number> | null {
  // Through useBridgeCall: an ended session here opens the sign-in prompt like any other call.
  const call = useBridgeCall();
  const [counts, setCounts] = useState<ReadonlyMap<number, number> | null>(null);
  useEffect(() => {
    if (!wanted || loadedAt === undefined) return;
    let current = true;
    void call((bridge) => bridge.usage.totals()).then((result) => {
      if (current && result.ok) setCounts(new Map(result.value.items.map((item) => [item.tokenId, item.requests])));
    });
    return () => {
      current = false;
    };
  }, [call, wanted, loadedAt]);
  return wanted && loadedAt !== undefined ? counts : null;
}
