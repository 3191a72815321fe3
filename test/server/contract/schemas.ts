import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

export type Schema = Record<string, unknown>;
export type Parameter = { name: string; in: 'query' | 'path' | 'header'; required?: boolean; schema: Schema };
export type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }>; headers?: Record<string, { schema: Schema }> }>;
  security?: Record<string, unknown>[];
};
export type Document = { paths: Record<string, Record<string, Operation>> };

// ajv-formats is CommonJS with a default export the ESM interop wraps once more.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

/** OpenAPI 3.0's boolean exclusiveMinimum/Maximum, as the JSON Schema ajv reads. */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = toJsonSchema(value);
  if (out.exclusiveMinimum === true) {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  }
  if (out.exclusiveMaximum === true) {
    out.exclusiveMaximum = out.maximum;
    delete out.maximum;
  }
  return out;
}

/** Strict ajv: an unknown keyword or a malformed one in the document is a failure, not a shrug. */
export function createAjv(warnings: unknown[] = []): Ajv {
  const ajv = new Ajv({
    strict: true,
    allErrors: true,
    logger: { log: () => undefined, warn: (...args: unknown[]) => warnings.push(args), error: (...args: unknown[]) => warnings.push(args) },
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'example' });
  return ajv;
}

export function compile(ajv: Ajv, schema: Schema): ValidateFunction {
  return ajv.compile(toJsonSchema(schema) as Schema);
}

/** Every operation of the document, with its method and path. */
export function operations(doc: Document): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })));
}
