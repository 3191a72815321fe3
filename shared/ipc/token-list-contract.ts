/*
 * The token list in pieces (issue 14): `tokens.list({ firstRows })` answers with the first
 * rows as soon as main has them and names the rest (`rest.listId`); the renderer then asks
 * `tokens.listRest` for the following rows, chunk by chunk, while main is still loading them.
 * No IPC message carries the whole inventory, and the first screen does not wait for the last
 * page. Spread into `ipcContract` (./contract.ts).
 */
import { z } from 'zod';
import { identificationTokenSchema } from '../api/tokens';
import type { ChannelDefinition } from './contract';
import type { ErrorCode } from './errors';

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

// The same lists as in ./contract.ts: what reaching the server (as an admin) can meet.
const REACHING_SERVER = ['offline', 'timeout', 'bad_response', 'server_error', 'rate_limited', 'insecure_url'] as const;
const AS_ADMIN = [...REACHING_SERVER, 'not_signed_in', 'session_expired', 'forbidden'] as const;

/** Rows in one `tokens.listRest` answer: a few hundred kilobytes of JSON at most. */
export const LIST_CHUNK_ROWS = 2_000;
/** The most rows a first answer may carry. */
export const MAX_FIRST_ROWS = 2_000;

export const tokenListIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a token list reference.');

/** Which complete list a window holds (main's ListVersions): opaque to the renderer. */
export const listVersionSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, 'Not a token list version.');

/**
 * In a first answer: the rest of the list is to be asked for under this id. `held`: main holds
 * every row already (a sync from what it knew), so the rest is a few reads away and no saved
 * copy needs to stand in meanwhile; without it main is still paging the server.
 */
export const tokenListRestSchema = z.object({ listId: tokenListIdSchema, held: z.literal(true).optional() }).strict();

export const tokenListRestArgSchema = z.object({ listId: tokenListIdSchema, offset: z.number().int().nonnegative() }).strict();
export type TokenListRestArg = z.input<typeof tokenListRestArgSchema>;

export const tokenListChunkSchema = z.object({
  // Rows from `offset` on; a row may repeat one sent before (a token renamed while the server
  // was paged): the later one wins.
  items: z.array(identificationTokenSchema).max(LIST_CHUNK_ROWS),
  // Nothing follows: the list is complete.
  done: z.boolean(),
  // How many tokens the whole list holds, as far as known (the server's count, then the final one).
  total: z.number().int().nonnegative(),
  // With the last chunk: which list this is (see tokens.list's `since`).
  listVersion: listVersionSchema.optional(),
});
export type TokenListChunk = z.infer<typeof tokenListChunkSchema>;

export const tokenListIpcContract = {
  // `not_found`: the list was replaced by a newer one (a refresh, another page asking).
  'tokens.listRest': channel({ arg: tokenListRestArgSchema, result: tokenListChunkSchema, errors: [...AS_ADMIN, 'not_found'] }),
} as const;
