import type { Schema } from './schemas';

export interface Violation {
  rule: string;
  value: unknown;
}

// Strings that break a pattern: at least one of them fails any pattern the document holds.
const PATTERN_BREAKERS = ['!!!!', '   ', '\u200b\u200b\u200b', 'a\u0000b'];

/**
 * One value per documented constraint of a schema, each breaking that constraint alone where it
 * can (the others may break too; the server must still refuse and name the field).
 * `sample` is a valid value of `schema.items`, for array rules.
 */
export function violations(schema: Schema, itemSample?: () => unknown, itemsOver?: () => unknown[]): Violation[] {
  const out: Violation[] = [];
  const type = schema.type;
  if (schema.nullable !== true) out.push({ rule: 'not null', value: null });
  if (type === 'string') {
    out.push({ rule: 'type', value: 12345 });
    if (Array.isArray(schema.enum)) out.push({ rule: 'enum', value: 'not-a-member' });
    if (typeof schema.minLength === 'number' && schema.minLength > 0) out.push({ rule: 'minLength', value: 'a'.repeat(schema.minLength - 1) });
    if (typeof schema.maxLength === 'number') out.push({ rule: 'maxLength', value: 'a'.repeat(schema.maxLength + 1) });
    if (typeof schema.pattern === 'string') {
      const pattern = new RegExp(schema.pattern, 'u');
      const breaker = PATTERN_BREAKERS.find((candidate) => !pattern.test(candidate));
      if (breaker !== undefined) out.push({ rule: 'pattern', value: breaker });
    }
    if (schema.format === 'date') out.push({ rule: 'format date', value: '2031-02-30' });
    if (schema.format === 'email') out.push({ rule: 'format email', value: 'not-an-email' });
  }
  if (type === 'integer' || type === 'number') {
    out.push({ rule: 'type', value: 'x' });
    if (type === 'integer') out.push({ rule: 'integer', value: 1.5 });
    if (typeof schema.minimum === 'number') out.push({ rule: 'minimum', value: schema.exclusiveMinimum === true ? schema.minimum : schema.minimum - 1 });
    if (typeof schema.maximum === 'number') out.push({ rule: 'maximum', value: schema.exclusiveMaximum === true ? schema.maximum : schema.maximum + 1 });
  }
  if (type === 'boolean') out.push({ rule: 'type', value: 'x' });
  if (type === 'array') {
    out.push({ rule: 'type', value: 'x' });
    if (typeof schema.maxItems === 'number' && itemsOver) out.push({ rule: 'maxItems', value: itemsOver() });
    if (schema.uniqueItems === true && itemSample) {
      const item = itemSample();
      out.push({ rule: 'uniqueItems', value: [item, item] });
    }
    for (const inner of violations((schema.items ?? {}) as Schema)) out.push({ rule: `items ${inner.rule}`, value: [inner.value] });
  }
  if (type === 'object') out.push({ rule: 'type', value: 'x' });
  return out;
}

/** The same for a query or path parameter, sent as text. */
export function parameterViolations(schema: Schema): Violation[] {
  const asText = violations(schema)
    .filter((violation) => violation.value !== null && !(schema.type === 'string' && violation.rule === 'type'))
    .map((violation) => ({ rule: violation.rule, value: String(violation.value) }));
  // Text that JavaScript's Number() would read as a number, though none is an integer literal.
  if (schema.type === 'integer') for (const value of ['', ' 5', '0x10', '1e2', '+3']) asText.push({ rule: `integer text ${JSON.stringify(value)}`, value });
  return asText;
}
