import type { ErrorCode } from './errors';

/*
 * What a person reads for each error code of the IPC contract: the one table of wording.
 *
 * Main decides the sentence and the renderer only displays `error.message`. Main is the owner
 * because only main knows the subject of a failure (which file, which profile, how long to
 * wait, the server's own field texts); a renderer table keyed by code had to be undone again
 * for files and sign-in. Main takes its sentence from here (AppError's default message), and
 * words it more precisely only where it names the subject ("The file "x.json" could not be
 * found."). The renderer never rewords by code: test/lint/error-wording.test.ts checks both.
 * Field-level server errors travel as `details` and are placed on form fields in one place,
 * renderer/tokens/form/serverErrors.ts.
 */
export const ERROR_WORDING: { readonly [C in ErrorCode]: string } = {
  validation: 'Some values are not valid. Check the highlighted fields.',
  session_expired: 'Your session has ended. Sign in again to continue.',
  forbidden: 'You are not allowed to do this: your role’s rank or rights do not permit it.',
  not_found: 'It no longer exists: someone may have deleted it.',
  name_taken: 'That name is already taken.',
  in_use: 'It is still in use.',
  conflict: 'Someone else changed this token since you opened it. Reload it to see their changes.',
  rate_limited: 'The Wifox server is receiving too many requests. Wait a moment and try again.',
  server_error: 'The Wifox server failed to handle the request. Try again; if it keeps failing, contact its administrator.',
  offline: 'The Wifox server cannot be reached. Check your connection and the profile’s address, then try again.',
  bad_response: 'The Wifox server answered in a form the console does not understand. Check the profile’s address.',
  timeout: 'The Wifox server took too long to answer. Try again in a moment.',
  insecure_url: 'The profile’s server address is not secure: use https:// (plain http:// is only allowed for this computer).',
  keychain_unavailable: 'The system keychain is not available, so the session cannot be kept after the console closes.',
  not_signed_in: 'Sign in to continue.',
  locked: 'Too many failed sign-in attempts: this account is locked for a moment.',
  invalid_credentials: 'The email or password is wrong. Check them and try again.',
  internal: 'Something went wrong inside the console. Try again; restart it if this persists.',
};
