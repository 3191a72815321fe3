import { apiErrorSchema, ERROR_CODES, type ApiError } from '../../shared/api/errors';
import { AppError } from '../errors';
import { redact } from '../redact';

// Which call failed matters: a 401 on login means a wrong password, elsewhere an ended session.
export type CallKind = 'login' | 'refresh' | 'admin';

export const parseApiError = (body: string): ApiError | null => {
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

// Retry-After is either delta-seconds or an HTTP date.
export const parseRetryAfter = (header: string | undefined, now: number = Date.now()): number | undefined => {
  if (header === undefined || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
};

const serverText = (apiError: ApiError | null, fallback: string): string =>
  apiError && apiError.message.trim() !== '' ? redact(apiError.message).slice(0, 500) : fallback;

export type HttpFailure = {
  status: number;
  body: string;
  retryAfter: string | undefined;
  kind: CallKind;
};

export const mapHttpFailure = ({ status, body, retryAfter, kind }: HttpFailure): AppError => {
  const apiError = parseApiError(body);
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const withRetry = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };

  if (status === 400 || status === 413 || status === 422) {
    const details = apiError?.details?.map((detail) => ({ field: detail.field, message: redact(detail.message) }));
    return new AppError('validation', serverText(apiError, 'The server refused the request: check the highlighted fields.'), details ? { details } : {});
  }
  if (status === 401) {
    if (kind === 'login') return new AppError('invalid_credentials', 'Wrong email or password.');
    const revoked = apiError?.code === ERROR_CODES.refreshTokenReused;
    return new AppError(
      'session_expired',
      revoked
        ? 'Your session was ended for safety because its credentials were used twice. Sign in again.'
        : 'Your session has ended. Sign in again to continue.',
      apiError ? { serverCode: apiError.code } : {},
    );
  }
  if (status === 403) return new AppError('forbidden', serverText(apiError, 'You do not have the rights to do this.'));
  if (status === 404) return new AppError('not_found', serverText(apiError, 'It no longer exists on the server.'));
  if (status === 409 && apiError?.code === ERROR_CODES.roleInUse) return new AppError('in_use', serverText(apiError, 'It is still in use.'));
  if (status === 409) return new AppError('name_taken', serverText(apiError, 'That name is already taken.'));
  if (status === 412) {
    return new AppError('conflict', 'Someone else changed this token since you opened it. Reload it to see their changes.');
  }
  if (status === 429) {
    if (kind === 'login' && apiError?.code === ERROR_CODES.loginLocked) {
      const wait = retryAfterSeconds === undefined ? 'a minute' : `${retryAfterSeconds} s`;
      return new AppError('locked', `Too many failed sign-in attempts. Try again in ${wait}.`, withRetry);
    }
    return new AppError('rate_limited', 'The server is receiving too many requests. Wait a moment and try again.', withRetry);
  }
  if (status >= 500) return new AppError('server_error', `The server had a problem (HTTP ${status}). Try again later.`);
  return new AppError('bad_response', `The server answered with an unexpected status (HTTP ${status}). Check the profile's address.`);
};
