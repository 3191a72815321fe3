/*
 * Bulk actions on the token list, spread into `ipcContract` (./contract.ts). One call carries
 * the chosen tokens with the version each was seen at; main sends one request per token with
 * that version (If-Match), so a token changed behind the console is refused (412) on its own
 * while the others go through, and the answer says what happened to every one of them.
 */
import { z } from 'zod';
import { idSchema } from '../api/common';
import { calendarDateSchema } from '../api/text';
import type { ChannelDefinition } from './contract';
import type { ErrorCode } from './errors';

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

// The whole inventory can be chosen ("select all matching the filter").
export const MAX_BULK_ITEMS = 10_000;
export const MAX_EXTEND_DAYS = 3650;

export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delete') }),
  // The same last day for every token.
  z.object({ kind: z.literal('setExpiry'), expiresOn: calendarDateSchema }),
  // N days after each token's own expiry date (after today when it has none or it has passed).
  z.object({ kind: z.literal('extendExpiry'), days: z.number().int().min(1).max(MAX_EXTEND_DAYS) }),
  z.object({ kind: z.literal('moveRole'), roleId: idSchema }),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const bulkItemSchema = z.object({
  id: idSchema,
  // The version the admin saw: a token changed since is left alone (precondition_failed).
  version: z.number().int().positive(),
  // Its expiry date at that version, the base of extendExpiry.
  expiresOn: calendarDateSchema.nullable(),
});
export type BulkItem = z.infer<typeof bulkItemSchema>;

export const bulkArgSchema = z.object({
  action: bulkActionSchema,
  items: z.array(bulkItemSchema).min(1).max(MAX_BULK_ITEMS),
});
export type BulkArg = z.input<typeof bulkArgSchema>;

export const BULK_OUTCOMES = ['ok', 'precondition_failed', 'forbidden', 'not_found', 'failed'] as const;
export const bulkOutcomeSchema = z.enum(BULK_OUTCOMES);
export type BulkOutcome = z.infer<typeof bulkOutcomeSchema>;

export const bulkItemResultSchema = z.object({
  id: idSchema,
  outcome: bulkOutcomeSchema,
  // Main's wording of why it failed; absent on success.
  message: z.string().optional(),
});
export type BulkItemResult = z.infer<typeof bulkItemResultSchema>;

export const bulkResultSchema = z.object({ results: z.array(bulkItemResultSchema) });
export type BulkResult = z.infer<typeof bulkResultSchema>;

// While a bulk action runs: how many tokens are done (either way), out of how many.
export const bulkProgressEventSchema = z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
export type BulkProgressEvent = z.infer<typeof bulkProgressEventSchema>;

export const bulkIpcEvents = {
  'tokens.bulkProgress': bulkProgressEventSchema,
} as const;

// Failures of single tokens are in the result; only a call that cannot start fails as a whole.
export const bulkIpcContract = {
  'tokens.bulk': channel({ arg: bulkArgSchema, result: bulkResultSchema, errors: ['offline', 'timeout', 'not_signed_in', 'session_expired', 'forbidden'] }),
} as const;
