import { ADMIN_PATHS, leakLookupRequestSchema, leakLookupResponseSchema } from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { BODY_ERRORS, errors, type ZodApp } from '../types';

export function leakRoutes(app: ZodApp, ctx: ServerContext): void {
  app.post(ADMIN_PATHS.leakLookup, {
    schema: {
      tags: ['admin: identification tokens'],
      summary: 'Which tokens do these secret hashes belong to (leaked-secret response)',
      description:
        'Takes SHA-256 hashes (hex) of secrets, never the secrets. Each answers current (the token\'s secret), previous (a ' +
        'replaced secret still in its overlap), revoked (token deleted or secret rotated out) or unknown. Needs View own ' +
        'on Security; tokens the caller cannot see are unknown.',
      security: [{ adminBearer: [] }],
      body: leakLookupRequestSchema,
      response: { 200: leakLookupResponseSchema, ...errors(...BODY_ERRORS, 401, 403) },
    },
  }, async (request) => ctx.leaks.lookup(requireAdminContext(request.admin), request.body.hashes));
}
