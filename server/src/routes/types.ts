import type { FastifyInstance, FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchemaFor } from '../../../shared/api';

export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;
export type RoutePlugin = FastifyPluginAsync;

type ErrorSchema = ReturnType<typeof errorSchemaFor>;

/**
 * Documented error answers: under each status, the error shape with that status's codes. Every
 * route reaches the store, which a PostgreSQL node may fail to reach: 503 is always possible.
 */
export function errors<const S extends readonly number[]>(...statuses: S): { [K in S[number] | 503]: ErrorSchema } {
  return Object.fromEntries([...statuses, 503].map((status) => [status, errorSchemaFor(status)])) as { [K in S[number] | 503]: ErrorSchema };
}

/** Statuses any route with a JSON body can answer besides its own. */
export const BODY_ERRORS = [400, 413, 415] as const;
