import { apiErrorSchema, ERROR_CODES, type ApiError } from '../../shared/api/errors';
import { ERROR_WORDING } from '../../shared/ipc/error-wording';
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
    return new AppError('validation', serverText(apiError, ERROR_WORDING.validation), details ? { details } : {});
  }
  if (status === 401) {
    if (kind === 'login') return new AppError('invalid_credentials');
    const revoked = apiError?.code === ERROR_CODES.refreshTokenReused;
    return new AppError(
      'session_expired',
      revoked
        ? 'Your session was ended for safety because its credentials were used twice. Sign in again.'
        : ERROR_WORDING.session_expired,
      apiError ? { serverCode: apiError.code } : {},
    );
  }
  if (status === 403) return new AppError('forbidden', serverText(apiError, ERROR_WORDING.forbidden));
  if (status === 404) return new AppError('not_found', serverText(apiError, ERROR_WORDING.not_found));
  if (status === 409 && apiError?.code === ERROR_CODES.roleInUse) return new AppError('in_use', serverText(apiError, ERROR_WORDING.in_use));
  if (status === 409) return new AppError('name_taken', serverText(apiError, ERROR_WORDING.name_taken));
  // Only the token listing sends it: main answers with a full load, the user never sees it.
  if (status === 410) return new AppError('conflict', serverText(apiError, ERROR_WORDING.conflict), apiError ? { serverCode: apiError.code } : {});
  if (status === 412) return new AppError('conflict');
  if (status === 429) {
    if (kind === 'login' && apiError?.code === ERROR_CODES.loginLocked) {
      const wait = retryAfterSeconds === undefined ? 'a minute' : `${retryAfterSeconds} s`;
      return new AppError('locked', `Too many failed sign-in attempts. Try again in ${wait}.`, withRetry);
    }
    const later = retryAfterSeconds === undefined ? undefined : `The Wifox server is receiving too many requests. Try again in ${retryAfterSeconds} s.`;
    return new AppError('rate_limited', later, withRetry);
  }
  if (status >= 500) return new AppError('server_error', `${ERROR_WORDING.server_error} (HTTP ${status})`);
  return new AppError('bad_response', `${ERROR_WORDING.bad_response} (HTTP ${status})`);
};
