import { z } from 'zod';

// Stable codes the UI can branch on. Messages are for people; codes are for code.
export const IPC_ERROR_CODES = [
  'validation',
  'session_expired',
  'forbidden',
  'not_found',
  'name_taken',
  'conflict',
  // A role still held by tokens or employees cannot be deleted.
  'in_use',
  'rate_limited',
  'server_error',
  'offline',
  'bad_response',
  'timeout',
  'insecure_url',
  'keychain_unavailable',
  'not_signed_in',
  'locked',
  'invalid_credentials',
  'internal',
] as const;
export const ipcErrorCodeSchema = z.enum(IPC_ERROR_CODES);
export type ErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcErrorDetailSchema = z.object({
  // Dotted path of the offending input, as the server reports it: `name`, `whitelist.2`.
  field: z.string(),
  message: z.string(),
});
export type IpcErrorDetail = z.infer<typeof ipcErrorDetailSchema>;

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  details: z.array(ipcErrorDetailSchema).optional(),
  // Set with `locked` and `rate_limited`: how long until trying again makes sense.
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});

export type IpcError<C extends ErrorCode = ErrorCode> = {
  code: C;
  message: string;
  details?: IpcErrorDetail[];
  retryAfterSeconds?: number;
};

// Every call answers with an envelope: Electron keeps only `message` of a thrown error, so
// failures travel as data.
export type Result<T, C extends ErrorCode = ErrorCode> =
  | { ok: true; value: T }
  | { ok: false; error: IpcError<C> };

export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ipcErrorSchema }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <C extends ErrorCode>(error: IpcError<C>): { ok: false; error: IpcError<C> } => ({
  ok: false,
  error,
});

// Codes every channel can answer with: a malformed argument, or a fault in the console itself.
export const UNIVERSAL_ERRORS = ['validation', 'internal'] as const;

// Failures that mean "the server is not answering properly", not "you may not": main keeps an
// offline session on them, and the token list shows the offline copy.
export const UNREACHABLE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['offline', 'timeout', 'server_error', 'bad_response', 'rate_limited']);
