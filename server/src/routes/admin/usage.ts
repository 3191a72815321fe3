import { ADMIN_PATHS, idParamsSchema, tokenUsageSchema, usageTotalsSchema } from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { errors, type ZodApp } from '../types';

export function usageRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(ADMIN_PATHS.usageTotals, {
    schema: {
      tags: ['admin: identification tokens'],
      summary: 'Requests per token over the last 30 days (to sort the list by use)',
      description:
        'Needs View own on Security (View all: every token; else the caller\'s own). Days are the organisation\'s; ' +
        'requests are accepted plus refused. Tokens without requests are left out.',
      security: [{ adminBearer: [] }],
      response: { 200: usageTotalsSchema, ...errors(401, 403) },
    },
  }, async (request) => ctx.usage.totals(requireAdminContext(request.admin)));

  app.get(`${ADMIN_PATHS.usageTotals}/:id`, {
    schema: {
      tags: ['admin: identification tokens'],
      summary: 'One token\'s accepted and refused requests per day over the last 30 days, and its source addresses',
      description:
        'Readable by whoever may read the token. Counts are written in batches every few seconds by each node and ' +
        'kept 90 days; up to 20 distinct addresses per token and day are kept by each node.',
      security: [{ adminBearer: [] }],
      params: idParamsSchema,
      response: { 200: tokenUsageSchema, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => ctx.usage.forToken(requireAdminContext(request.admin), request.params.id));
}
