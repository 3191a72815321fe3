import { ADMIN_PATHS, auditListResponseSchema, auditQuerySchema } from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { errors, type ZodApp } from '../types';

export function auditRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(ADMIN_PATHS.auditEvents, {
    schema: {
      tags: ['admin: audit'],
      summary: 'Audit events, newest first',
      description: 'Needs View all on Security. `before` is an event id, for paging backwards.',
      security: [{ adminBearer: [] }],
      querystring: auditQuerySchema,
      response: { 200: auditListResponseSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await ctx.auditTrail.list(requireAdminContext(request.admin), request.query) }));
}
