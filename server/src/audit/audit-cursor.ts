import { z } from 'zod';
import { ERROR_CODES } from '../../../shared/api';
import { HttpError } from '../http/http-error';

/*
 * The audit log's page cursor, opaque to clients (base64url JSON): the last event's (at, id)
 * and a digest of the filters it was made for, so it cannot be replayed on other filters.
 */
const cursorSchema = z.object({ v: z.literal(1), a: z.iso.datetime({ offset: false }), i: z.number().int().positive(), f: z.string() });

export function encodeAuditCursor(last: { at: string; id: number }, filter: string): string {
  return Buffer.from(JSON.stringify({ v: 1, a: last.at, i: last.id, f: filter }), 'utf8').toString('base64url');
}

export function decodeAuditCursor(text: string, filter: string): { at: string; id: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const cursor = cursorSchema.safeParse(parsed);
  if (!cursor.success) throw refused('This is not a cursor the server gave: send back nextCursor unchanged.');
  if (cursor.data.f !== filter) throw refused('The cursor belongs to other filters: start again without it.');
  return { at: cursor.data.a, id: cursor.data.i };
}

function refused(message: string): HttpError {
  return new HttpError(400, ERROR_CODES.validationFailed, 'The audit request is invalid.', [{ field: 'cursor', message }]);
}
