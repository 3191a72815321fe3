import { ADMIN_PATHS, auditListResponseSchema, auditQuerySchema, refusalGroupsQuerySchema, refusalGroupsSchema } from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { errors, type ZodApp } from '../types';

export function auditRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(ADMIN_PATHS.auditEvents, {
    schema: {
      tags: ['admin: audit'],
      summary: 'Audit events, newest first',
      description:
        'Needs View all on Security. Newest first by (at, id), paged with `cursor` (the previous page\'s `nextCursor`, ' +
        'with the same filters). Filters combine: `action`; `actor` and `tokenName` (whole names, without regard to ' +
        'case); `ip`; `from`/`to`, days in the organisation\'s time zone, both included. `before` is an event id: only ' +
        'older events (the former way to page backwards).',
      security: [{ adminBearer: [] }],
      querystring: auditQuerySchema,
      response: { 200: auditListResponseSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => ctx.auditTrail.page(requireAdminContext(request.admin), request.query));

  app.get(ADMIN_PATHS.auditRefusals, {
    schema: {
      tags: ['admin: audit'],
      summary: 'Refused public requests of the last 24 hours or 7 days, grouped by token and by address',
      description:
        'Needs View all on Security. Groups are (token, kind) and (address, kind), the 50 largest of each, largest ' +
        'first; `kind` is the refusal reason, with a deleted token\'s or a rotated-out secret told apart from an ' +
        'unknown one. Counts are audited refusals: an address over the refusal limit is answered 429 without a row.',
      security: [{ adminBearer: [] }],
      querystring: refusalGroupsQuerySchema,
      response: { 200: refusalGroupsSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => ctx.auditTrail.refusals(requireAdminContext(request.admin), request.query.window));
}
