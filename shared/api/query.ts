import { z } from 'zod';

/**
 * A whole number from a query string or path (decimal digits only: "", " 5", "0x10" or "1e3"
 * are refused, as the document's `type: integer` says), or already a number (IPC arguments).
 * z.coerce.number() would take all of those; the union is documented as the integer it is.
 */
export function queryIntegerSchema(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  const range = z.int().min(min).max(max);
  return z
    .union([range, z.string().regex(/^\d{1,16}$/).transform(Number).pipe(range)], {
      error: max === Number.MAX_SAFE_INTEGER ? `Use a whole number, ${min} or more.` : `Use a whole number from ${min} to ${max}.`,
    })
    .meta({ type: 'integer', minimum: min, maximum: max, anyOf: undefined } as Record<string, unknown>);
}

/** The same, with a default when absent. */
export function queryIntegerWithDefault(min: number, max: number, fallback: number) {
  // prefault: the default goes through the schema like a sent value, and the document shows it.
  return queryIntegerSchema(min, max).prefault(fallback);
}
