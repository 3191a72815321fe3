import type { IpcError } from '../../shared/ipc/errors';

/** What the sign-in form says for each way a sign-in can fail. */
export function signInMessage(error: IpcError, baseUrl: string | undefined): string {
  switch (error.code) {
    case 'invalid_credentials':
      return 'The email or password is wrong. Check them and try again.';
    case 'locked':
      return 'Too many failed attempts: this account is locked for a moment.';
    case 'offline':
    case 'timeout':
      return `The server${baseUrl ? ` at ${baseUrl}` : ''} cannot be reached. Check the address and your network, then try again.`;
    case 'insecure_url':
      return 'This profile’s address is not secure: use https:// (plain http:// is only allowed for this computer).';
    case 'forbidden':
      return 'This account may not use the token console.';
    case 'rate_limited':
      return 'Too many attempts in a short time. Wait a moment and try again.';
    case 'not_found':
      return 'This profile no longer exists. Pick another one or add it again.';
    default:
      return error.message;
  }
}
