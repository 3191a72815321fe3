import { useCallback, useEffect, useState } from 'react';
import { useBridge } from '../../ipc/BridgeContext';

/**
 * A counter that moves on when main reports this profile back online (or on `retry`): keyed
 * on it, the live queries load again, so the list returns to live data without a restart.
 */
export function useReconnectGeneration(profileId: string): [generation: number, retry: () => void] {
  const bridge = useBridge();
  const [generation, setGeneration] = useState(0);
  useEffect(
    () =>
      bridge.on('connection.changed', (event) => {
        if (event.profileId === profileId && event.state === 'online') setGeneration((n) => n + 1);
      }),
    [bridge, profileId],
  );
  const retry = useCallback(() => setGeneration((n) => n + 1), []);
  return [generation, retry];
}
