import { ERROR_WORDING } from '../shared/ipc/error-wording';
import type { ErrorCode, IpcErrorDetail } from '../shared/ipc/errors';

// What services throw. Its message is what the user reads (no URLs, headers or secrets): the
// code's wording from shared/ipc/error-wording.ts unless the thrower names the subject.
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: IpcErrorDetail[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  // The server's own code (e.g. `refresh_token_reused`), for decisions inside main only.
  readonly serverCode: string | undefined;

  constructor(
    code: ErrorCode,
    message: string = ERROR_WORDING[code],
    extra: { details?: IpcErrorDetail[]; retryAfterSeconds?: number; serverCode?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = extra.details;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.serverCode = extra.serverCode;
  }
}

export const isAppError = (value: unknown, code?: ErrorCode): value is AppError =>
  value instanceof AppError && (code === undefined || value.code === code);
