import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { IpcError } from '../../shared/ipc/errors';
import type { ConnectionState, SessionState } from '../../shared/ipc/schemas';
import { useBridge, useFirstAnswer } from '../ipc/BridgeContext';
import { SessionErrorContext } from '../ipc/sessionErrors';
import { SessionContext, type SessionContextValue, type SignInOutcome } from '../common/SessionContext';

const ENDED_MESSAGE = 'Your session has ended. Enter your password to continue where you left off.';

export function SessionProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const first = useFirstAnswer('session.state');
  const [state, setState] = useState<SessionState | null>(first ?? null);
  const [interrupted, setInterrupted] = useState<{ message: string } | null>(null);
  const [connection, setConnection] = useState<ConnectionState>(first?.status === 'signedIn' ? first.connection : 'online');

  useEffect(() => {
    let current = true;
    void bridge.session.state().then((result) => {
      if (!current) return;
      if (first !== undefined) {
        // The first render drew main's answer from before anything listened for its events: a
        // change of connection meanwhile (another first call reaching the server) was told to no
        // one, so the connection is read again now that the listener below is in place.
        if (result.ok && result.value.status === 'signedIn') setConnection(result.value.connection);
        return;
      }
      if (result.ok) {
        setState(result.value);
        if (result.value.status === 'signedIn') setConnection(result.value.connection);
      } else {
        setState({ status: 'signedOut', lastProfileId: null });
      }
    });
    return () => {
      current = false;
    };
  }, [bridge, first]);

  useEffect(() => {
    const stopEnded = bridge.on('session.ended', (event) => setInterrupted({ message: event.message || ENDED_MESSAGE }));
    const stopConnection = bridge.on('connection.changed', (event) => setConnection(event.state));
    return () => {
      stopEnded();
      stopConnection();
    };
  }, [bridge]);

  const reportError = useCallback((error: IpcError) => {
    if (error.code === 'session_expired' || error.code === 'not_signed_in') {
      setInterrupted({ message: ENDED_MESSAGE });
    }
  }, []);

  const signIn = useCallback(
    async (profileId: string, password: string): Promise<SignInOutcome> => {
      const result = await bridge.session.signIn({ profileId, password });
      if (!result.ok) return { ok: false, error: result.error };
      setState(result.value);
      setConnection(result.value.connection);
      setInterrupted(null);
      return { ok: true };
    },
    [bridge],
  );

  const signOut = useCallback(async () => {
    const result = await bridge.session.signOut();
    setInterrupted(null);
    setState(result.ok ? result.value : { status: 'signedOut', lastProfileId: null });
  }, [bridge]);

  const value = useMemo<SessionContextValue>(
    () => ({ state, interrupted, connection, signIn, signOut }),
    [state, interrupted, connection, signIn, signOut],
  );

  return (
    <SessionContext.Provider value={value}>
      <SessionErrorContext.Provider value={reportError}>{children}</SessionErrorContext.Provider>
    </SessionContext.Provider>
  );
}
