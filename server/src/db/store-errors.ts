import { ERROR_CODES } from '../../../shared/api';
import { HttpError } from '../http/http-error';

/**
 * The store cannot be reached (PostgreSQL restarting, network cut, pool exhausted). A request
 * that meets it answers 503 store_unavailable, never a 500: nothing it sent was acknowledged,
 * and the node recovers by itself once the database answers again.
 */
export class StoreUnavailableError extends HttpError {
  constructor(readonly reason: string) {
    super(503, ERROR_CODES.storeUnavailable, 'The token store is unavailable; try again in a moment.', undefined, { 'retry-after': '1' });
    this.name = 'StoreUnavailableError';
  }
}

/** The store could not be opened at start: a wrong URL, a refused connection, a wrong password. */
export class StoreConnectError extends Error {}

// Node's socket errors and PostgreSQL's "connection exception" / shutdown / overload codes.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '53000']);
const DRIVER_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended|connection has been discarded/i;

export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || PG_UNAVAILABLE.has(code) || code.startsWith('08'))) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && DRIVER_MESSAGES.test(message);
}

/**
 * PostgreSQL's text cannot hold U+0000 (SQLite's can): text sent with one is refused as invalid
 * on both stores' terms, never a 500. No stored name, email or record holds one, so nothing a
 * client could mean is lost.
 */
export function nulCharacterRefusal(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (code !== '22021' && code !== '22P05') return undefined;
  return new HttpError(400, ERROR_CODES.validationFailed, 'The request is invalid: text cannot hold the NUL character (U+0000).');
}

/** A unique constraint refused the write (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
