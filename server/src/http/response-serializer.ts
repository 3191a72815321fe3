import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type RouteSchema = Parameters<typeof zodSerializerCompiler>[0];

/**
 * Every answer is still checked against its route's zod schema (fastify-type-provider-zod: a
 * body that breaks it is a 500, never sent), then handed to Fastify as UTF-8 bytes rather than
 * as text. Fastify measures a text body with Buffer.byteLength and Node encodes it again while
 * writing; on a page of 1,000 tokens (about 550 kB) those two took longer than encoding once.
 * Fastify sends a Buffer body as it is (reply.js onSendEnd), so only its type says string.
 */
export const serializerCompiler: FastifySerializerCompiler<RouteSchema['schema']> = (route) => {
  const checked = zodSerializerCompiler(route);
  return (data: unknown) => Buffer.from(checked(data), 'utf8') as unknown as string;
};
