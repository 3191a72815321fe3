import fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import type { Schema } from './schemas';

/**
 * Values built from the document's JSON schemas, for the contract test. Where the document
 * states a rule in prose only (what a whitelist entry is, that an expiry date is not in the
 * past), `hints` supply values that keep it: the test then expects no validation_failed at all.
 */
export interface Hints {
  /** By slot name (a property or parameter name; `name[]` for array items). */
  bySlot: Record<string, fc.Arbitrary<unknown>>;
  /** By string format. */
  byFormat: Record<string, fc.Arbitrary<string>>;
}

// fast-check cannot generate lookarounds: generate without them, then keep what the full
// schema accepts. An alternative guarded by a lookbehind is dropped, a lookahead is removed.
function generablePattern(source: string): string {
  return source
    .replace(/\|\(\?<[=!](?:\[[^\]]*\]|[^()])*\)(?:\\p\{\w+\}|\[[^\]]*\])/g, '')
    .replace(/\(\?[=!](?:\[[^\]]*\]|\\.|[^()\\])*\)/g, '')
    .replace(/\(\?[=!](?:[^()]|\([^()]*\))*\)/g, '');
}

function stringArb(schema: Schema): fc.Arbitrary<string> {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 40;
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(generablePattern(schema.pattern), 'u'));
  }
  return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 40), unit: fc.oneof(fc.constantFrom('a', 'Z', '0', ' ', '-'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
}

export function arbitrary(schema: Schema, hints: Hints, slot: string, accepts: Accepts): fc.Arbitrary<unknown> {
  const base = ((): fc.Arbitrary<unknown> => {
    const hinted = hints.bySlot[slot];
    if (hinted) return hinted;
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]).filter((value) => value !== null));
    switch (schema.type) {
      case 'string': {
        const format = typeof schema.format === 'string' ? hints.byFormat[schema.format] : undefined;
        return (format ?? stringArb(schema)).filter((value) => accepts(schema, value));
      }
      case 'integer': {
        const min = typeof schema.minimum === 'number' ? schema.minimum + (schema.exclusiveMinimum === true ? 1 : 0) : -1000;
        const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
        // Small values mostly, so ids name records that exist.
        return fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, min + 30) }) }, { weight: 1, arbitrary: fc.integer({ min, max }) });
      }
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = arbitrary((schema.items ?? {}) as Schema, hints, `${slot}[]`, accepts);
        const constraints = { minLength: (schema.minItems as number | undefined) ?? 0, maxLength: Math.min((schema.maxItems as number | undefined) ?? 10, 10) };
        return schema.uniqueItems === true ? fc.uniqueArray(items, { ...constraints, selector: (value) => JSON.stringify(value) }) : fc.array(items, constraints);
      }
      case 'object':
        return objectArb(schema, hints, accepts);
      default:
        return fc.anything();
    }
  })();
  return schema.nullable === true ? fc.oneof(fc.constant(null), base) : base;
}

export function objectArb(schema: Schema, hints: Hints, accepts: Accepts): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) record[name] = arbitrary(property, hints, name, accepts);
  return fc.record(record, { requiredKeys: [...required] });
}

/** Whether a value meets a schema: generated strings are kept only when the exact rule holds. */
export type Accepts = (schema: Schema, value: unknown) => boolean;

export function acceptor(compile: (schema: Schema) => ValidateFunction): Accepts {
  const cache = new WeakMap<Schema, ValidateFunction>();
  return (schema, value) => {
    let validate = cache.get(schema);
    if (!validate) {
      validate = compile(schema);
      cache.set(schema, validate);
    }
    return validate(value);
  };
}
