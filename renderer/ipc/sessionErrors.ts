import { createContext, useContext } from 'react';
import type { IpcError } from '../../shared/ipc/errors';

export type SessionErrorSink = (error: IpcError) => void;

const ignore: SessionErrorSink = () => undefined;

/**
 * Every failed bridge call passes its error here; the session listens for `session_expired`
 * and `not_signed_in` to ask for the password again without unmounting the screen.
 */
export const SessionErrorContext = createContext<SessionErrorSink>(ignore);

export function useSessionErrors(): SessionErrorSink {
  return useContext(SessionErrorContext);
}
