import { createContext, useContext } from 'react';
import type { IpcError } from '../../shared/ipc/errors';
import type { ConnectionState, SessionState, SignedInState } from '../../shared/ipc/schemas';

export type SignInOutcome = { ok: true } | { ok: false; error: IpcError };

export type SessionContextValue = {
  /** null until main has answered who is signed in. */
  state: SessionState | null;
  /** Set when the session ended under a screen still in use: the prompt asks for the password. */
  interrupted: { message: string } | null;
  connection: ConnectionState;
  signIn: (profileId: string, password: string) => Promise<SignInOutcome>;
  signOut: () => Promise<void>;
};

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider above it.');
  return value;
}

export function useSignedIn(): SignedInState {
  const { state } = useSession();
  if (state?.status !== 'signedIn') throw new Error('useSignedIn is only used inside the signed-in shell.');
  return state;
}
