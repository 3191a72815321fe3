import { z } from 'zod';

// Every error the server sends has this shape, whatever produced it (validation, auth, a bug).
export const errorDetailSchema = z.object({
  field: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  details: z.array(errorDetailSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

// Wifox's own code for a rejected public credential; the message ends with `CODE: X-0005`.
export const UNKNOWN_CREDENTIAL_CODE = 'X-0005';

export const ERROR_CODES = {
  unknownCredential: UNKNOWN_CREDENTIAL_CODE,
  tokenExpired: 'token_expired',
  ipNotAllowed: 'ip_not_allowed',
  insufficientRights: 'insufficient_rights',
  rateLimited: 'rate_limited',
  validationFailed: 'validation_failed',
  badRequest: 'bad_request',
  headersTooLarge: 'headers_too_large',
  requestTimeout: 'request_timeout',
  malformedJson: 'malformed_json',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  invalidCredentials: 'invalid_credentials',
  loginLocked: 'login_locked',
  unauthorized: 'unauthorized',
  sessionExpired: 'session_expired',
  refreshTokenReused: 'refresh_token_reused',
  forbidden: 'forbidden',
  roleNotAssignable: 'role_not_assignable',
  notFound: 'not_found',
  nameTaken: 'name_taken',
  versionMismatch: 'version_mismatch',
  methodNotAllowed: 'method_not_allowed',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export const ERROR_CODE_VALUES = Object.values(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];
export const errorCodeSchema = z.enum(ERROR_CODE_VALUES);

// What the server documents and sends: `code` is one of ERROR_CODES. Clients parse answers with
// the looser apiErrorSchema, so a newer server's new code still shows its message.
export const documentedErrorSchema = apiErrorSchema.extend({
  statusCode: z.number().int().min(400).max(599),
  code: errorCodeSchema,
});
