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
  roleInUse: 'role_in_use',
  versionMismatch: 'version_mismatch',
  // A token breaks the organisation's token policy; the message names the rule.
  policyViolation: 'policy_violation',
  cursorExpired: 'cursor_expired',
  methodNotAllowed: 'method_not_allowed',
  internal: 'internal_error',
  storeUnavailable: 'store_unavailable',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export const ERROR_CODE_VALUES = Object.values(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];
export const errorCodeSchema = z.enum(ERROR_CODE_VALUES);

/** The one status each code is sent with. */
export const ERROR_CODE_STATUS: Readonly<Record<ErrorCode, number>> = {
  [ERROR_CODES.validationFailed]: 400,
  [ERROR_CODES.malformedJson]: 400,
  [ERROR_CODES.badRequest]: 400,
  [ERROR_CODES.unknownCredential]: 401,
  [ERROR_CODES.tokenExpired]: 401,
  [ERROR_CODES.invalidCredentials]: 401,
  [ERROR_CODES.unauthorized]: 401,
  [ERROR_CODES.sessionExpired]: 401,
  [ERROR_CODES.refreshTokenReused]: 401,
  [ERROR_CODES.ipNotAllowed]: 403,
  [ERROR_CODES.insufficientRights]: 403,
  [ERROR_CODES.forbidden]: 403,
  [ERROR_CODES.roleNotAssignable]: 403,
  [ERROR_CODES.notFound]: 404,
  [ERROR_CODES.methodNotAllowed]: 405,
  [ERROR_CODES.requestTimeout]: 408,
  [ERROR_CODES.nameTaken]: 409,
  [ERROR_CODES.roleInUse]: 409,
  [ERROR_CODES.cursorExpired]: 410,
  [ERROR_CODES.versionMismatch]: 412,
  [ERROR_CODES.policyViolation]: 422,
  [ERROR_CODES.payloadTooLarge]: 413,
  [ERROR_CODES.unsupportedMediaType]: 415,
  [ERROR_CODES.loginLocked]: 429,
  [ERROR_CODES.rateLimited]: 429,
  [ERROR_CODES.headersTooLarge]: 431,
  [ERROR_CODES.internal]: 500,
  [ERROR_CODES.storeUnavailable]: 503,
};

export function errorCodesFor(status: number): ErrorCode[] {
  return ERROR_CODE_VALUES.filter((code) => ERROR_CODE_STATUS[code] === status);
}

// What the server documents and sends: `code` is one of ERROR_CODES. Clients parse answers with
// the looser apiErrorSchema, so a newer server's new code still shows its message.
export const documentedErrorSchema = apiErrorSchema.extend({
  statusCode: z.number().int().min(400).max(599),
  code: errorCodeSchema,
});

/** The error answer documented under one status: that status, and only its codes. */
export function errorSchemaFor(status: number) {
  const codes = errorCodesFor(status);
  if (codes.length === 0) throw new Error(`No error code is sent with status ${status}.`);
  return apiErrorSchema.extend({ statusCode: z.literal(status), code: z.enum(codes as [ErrorCode, ...ErrorCode[]]) });
}
