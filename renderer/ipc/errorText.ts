import type { IpcError } from '../../shared/ipc/errors';

/** A sentence a person can act on, for any error a bridge call can answer with. */
export function errorText(error: IpcError): string {
  switch (error.code) {
    case 'offline':
      return 'The Wifox server cannot be reached. Check your connection and try again.';
    case 'timeout':
      return 'The Wifox server took too long to answer. Try again in a moment.';
    case 'session_expired':
    case 'not_signed_in':
      return 'Your session has ended. Sign in again, then try once more.';
    case 'forbidden':
      return 'You are not allowed to do this: your role’s rank or rights do not permit it.';
    case 'rate_limited':
      return error.retryAfterSeconds === undefined
        ? 'Too many requests in a short time. Wait a moment and try again.'
        : `Too many requests in a short time. Try again in ${error.retryAfterSeconds} s.`;
    case 'server_error':
      return 'The Wifox server failed to handle the request. Try again; if it keeps failing, contact its administrator.';
    case 'bad_response':
      return 'The Wifox server answered in a form the console does not understand.';
    case 'not_found':
      return 'This token no longer exists: someone may have deleted it.';
    case 'conflict':
      return 'Someone else changed this token since you opened it.';
    case 'insecure_url':
      return 'The profile’s server address is not secure (https:// is required).';
    default:
      return error.message;
  }
}
