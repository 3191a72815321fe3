import { useCallback } from 'react';
import type { WifoxBridge } from '../../shared/ipc/bridge';
import type { ErrorCode, Result } from '../../shared/ipc/errors';
import { useBridge } from './BridgeContext';
import { useSessionErrors } from './sessionErrors';

/**
 * For actions (create, save, delete): returns a function that runs the call and answers its
 * result, reporting an ended session on the way so the sign-in prompt can appear.
 */
export function useBridgeCall(): <T, C extends ErrorCode>(
  call: (bridge: WifoxBridge) => Promise<Result<T, C>>,
) => Promise<Result<T, C>> {
  const bridge = useBridge();
  const onError = useSessionErrors();
  return useCallback(
    async (call) => {
      const result = await call(bridge);
      if (!result.ok) onError(result.error);
      return result;
    },
    [bridge, onError],
  );
}
