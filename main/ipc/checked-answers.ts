import type { z } from 'zod';

/*
 * Answers already parsed against their channel's result schema where they were made, so the
 * gate (./handle.ts) need not parse them again. Only for answers too big to parse twice on
 * main's thread (an inventory of 100,000 tokens takes half a second), and only with the very
 * schema the gate would use: a value marked for another schema is parsed as any other.
 */
const checked = new WeakMap<object, z.ZodType>();

export function markChecked<T extends object>(value: T, schema: z.ZodType): T {
  checked.set(value, schema);
  return value;
}

export function isCheckedFor(value: unknown, schema: z.ZodType): boolean {
  return typeof value === 'object' && value !== null && checked.get(value) === schema;
}
