import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeParse } from 'zod/v4/core';

// Past this many elements, an array in an answer is encoded element by element.
const LONG_ARRAY = 64;

/**
 * fastify-type-provider-zod's serializerCompiler, whose check is kept as it is: every answer is
 * parsed by its route's zod schema, and one that breaks it is a ResponseSerializationError (a
 * 500, nothing of the body sent). Only the encoding differs: what zod answered becomes UTF-8
 * bytes, which Fastify sends as they are (reply.js onSendEnd; only its type says string). A
 * page of 1,000 tokens is about 550 kB: as text, Fastify measured it with Buffer.byteLength
 * and Node encoded it again while writing, both slower than encoding once.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  const zodSchema = resolveSchema(schema);
  return (data: unknown) => {
    const result = safeParse(zodSchema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return jsonBytes(result.data) as unknown as string;
  };
};

// As the plugin reads a response schema (core.js resolveSchema): a zod schema, or one under `properties`.
function resolveSchema(schema: unknown): $ZodType {
  if (schema instanceof $ZodType) return schema;
  const nested: unknown = typeof schema === 'object' && schema !== null && 'properties' in schema ? schema.properties : undefined;
  if (nested instanceof $ZodType) return nested;
  throw new Error(`A response schema that is not a zod schema: ${JSON.stringify(schema)}`);
}

/**
 * The bytes of JSON.stringify(value). JSON.stringify answers a large body as a string of many
 * pieces that must be joined before it can be encoded; a long array at the top level (a page
 * of a listing) is encoded one element at a time instead, each a short string.
 */
export function jsonBytes(value: unknown): Buffer {
  // JSON.stringify(undefined) is undefined: an empty body, as Fastify sends for no payload.
  if (!isPlainObject(value)) return Buffer.from((JSON.stringify(value) as string | undefined) ?? '', 'utf8');
  const chunks: Buffer[] = [];
  let text = '{';
  for (const [key, field] of Object.entries(value)) {
    const long = Array.isArray(field) && field.length > LONG_ARRAY;
    const encoded: unknown = long ? '' : JSON.stringify(field);
    // As JSON.stringify: a field that encodes to nothing (undefined, a function) is left out.
    if (encoded === undefined) continue;
    text += `${text === '{' ? '' : ','}${JSON.stringify(key)}:`;
    if (!long) {
      text += encoded as string;
      continue;
    }
    chunks.push(Buffer.from(`${text}[`, 'utf8'));
    (field as unknown[]).forEach((element, index) => {
      chunks.push(Buffer.from(`${index === 0 ? '' : ','}${JSON.stringify(element) ?? 'null'}`, 'utf8'));
    });
    text = ']';
  }
  chunks.push(Buffer.from(`${text}}`, 'utf8'));
  return Buffer.concat(chunks);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}
