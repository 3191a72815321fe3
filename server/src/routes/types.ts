import type { FastifyInstance, FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { documentedErrorSchema } from '../../../shared/api';

export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;
export type RoutePlugin = FastifyPluginAsync;

/** Documented error answers: the same shared error schema under each status. */
export function errors<const S extends readonly number[]>(...statuses: S): { [K in S[number]]: typeof documentedErrorSchema } {
  return Object.fromEntries(statuses.map((status) => [status, documentedErrorSchema])) as { [K in S[number]]: typeof documentedErrorSchema };
}

/** Statuses any route with a JSON body can answer besides its own. */
export const BODY_ERRORS = [400, 413, 415] as const;
