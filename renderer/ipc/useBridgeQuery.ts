import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorCode, IpcError, Result } from '../../shared/ipc/errors';
import type { WifoxBridge } from '../../shared/ipc/bridge';
import { useBridge } from './BridgeContext';
import { useSessionErrors } from './sessionErrors';

export type QueryState<T, C extends ErrorCode> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: IpcError<C> }
  | { status: 'success'; data: T; error?: undefined };

export type Query<T, C extends ErrorCode> = QueryState<T, C> & {
  /** Loads again from scratch. */
  reload: () => void;
  /** Loads again while what was loaded stays on screen; `refreshing` says it is under way. */
  refresh: () => void;
  refreshing: boolean;
  /** Replaces the loaded data locally, e.g. after a create or delete answered. */
  update: (change: (data: T) => T) => void;
};

/**
 * Loads one bridge call when the component mounts (and when `key` changes), with a reload that
 * drops answers to superseded requests. A `session_expired` answer is also reported to the
 * session so it can ask for the password again. `initial`, data already in when the component
 * mounts (see useFirstAnswer), is shown from the first render and not loaded again until `key`
 * changes or a reload or refresh asks.
 */
export function useBridgeQuery<T, C extends ErrorCode>(
  load: (bridge: WifoxBridge) => Promise<Result<T, C>>,
  key: string = '',
  initial?: T,
): Query<T, C> {
  const bridge = useBridge();
  const onError = useSessionErrors();
  const [state, setState] = useState<QueryState<T, C>>(initial === undefined ? { status: 'loading' } : { status: 'success', data: initial });
  // The key the initial data answers for, until the key moves on.
  const initialFor = useRef(initial === undefined ? null : key);
  const [attempt, setAttempt] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (attempt === 0 && initialFor.current === key) return;
    initialFor.current = null;
    let current = true;
    void loadRef.current(bridge).then((result) => {
      if (!current) return;
      setRefreshing(false);
      if (result.ok) {
        setState({ status: 'success', data: result.value });
      } else {
        onError(result.error);
        setState({ status: 'error', error: result.error });
      }
    });
    return () => {
      current = false;
    };
  }, [bridge, onError, key, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const refresh = useCallback(() => {
    setRefreshing(true);
    setAttempt((n) => n + 1);
  }, []);

  const update = useCallback((change: (data: T) => T) => {
    setState((previous) => (previous.status === 'success' ? { status: 'success', data: change(previous.data) } : previous));
  }, []);

  return { ...state, reload, refresh, refreshing, update };
}
