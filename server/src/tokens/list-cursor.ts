import { z } from 'zod';
import { ERROR_CODES, tokenSortSchema, sortOrderSchema, type SortOrder, type TokenSort } from '../../../shared/api';
import { HttpError } from '../http/http-error';

/*
 * The listing's cursors, opaque to clients (base64url JSON). A page cursor holds the last
 * row's sort key and id plus what the listing was asked for, so it cannot be replayed on
 * another filter or order; a change cursor holds the store's change counter.
 */
const pageCursorSchema = z.object({
  v: z.literal(1),
  s: z.union([tokenSortSchema, z.literal('change')]),
  o: sortOrderSchema,
  f: z.string(),
  k: z.union([z.string(), z.number()]),
  i: z.number().int().positive(),
});
export type PageCursor = z.infer<typeof pageCursorSchema>;

const changeCursorSchema = z.object({ v: z.literal(1), c: z.number().int().nonnegative() });

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode<T>(schema: z.ZodType<T>, text: string, field: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw refused(field, 'This is not a cursor the server gave: send back nextCursor or changeCursor unchanged.');
  return result.data;
}

function refused(field: string, message: string): HttpError {
  return new HttpError(400, ERROR_CODES.validationFailed, 'The listing request is invalid.', [{ field, message }]);
}

export function encodePageCursor(cursor: Omit<PageCursor, 'v'>): string {
  return encode({ v: 1, ...cursor });
}

/** The cursor's position, refused (400) when it was made for another filter, sort or order. */
export function decodePageCursor(text: string, expected: { sort: TokenSort | 'change'; order: SortOrder; filter: string }): { key: string | number; id: number } {
  const cursor = decode(pageCursorSchema, text, 'cursor');
  if (cursor.s !== expected.sort || cursor.o !== expected.order || cursor.f !== expected.filter) {
    throw refused('cursor', 'The cursor belongs to a listing with other filters, sort or order: start again without it.');
  }
  return { key: cursor.k, id: cursor.i };
}

export function encodeChangeCursor(sequence: number): string {
  return encode({ v: 1, c: sequence });
}

export function decodeChangeCursor(text: string): number {
  return decode(changeCursorSchema, text, 'changedSince').c;
}

export function cursorExpired(): HttpError {
  return new HttpError(
    410,
    ERROR_CODES.cursorExpired,
    'The changedSince cursor is too old (deletions are kept 30 days) or comes from another database: list every token again without it.',
  );
}
