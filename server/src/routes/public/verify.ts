import { PUBLIC_PATHS, verifyResponseSchema } from '../../../../shared/api';
import { tokenStatus } from '../../../../shared/domain';
import { requireToken } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { errors, type ZodApp } from '../types';

export function verifyRoute(app: ZodApp, ctx: ServerContext): void {
  app.get(PUBLIC_PATHS.verify, {
    config: { needed: null },
    schema: {
      tags: ['public'],
      summary: 'Check a token: usable from this address, not expired',
      description: 'Needs no module right. Unknown or deleted token: 401 X-0005; expired: 401 token_expired; address not whitelisted: 403 ip_not_allowed.',
      security: [{ identificationToken: [] }],
      response: { 200: verifyResponseSchema, ...errors(401, 403, 429) },
    },
  }, async (request) => {
    const token = requireToken(request.publicToken);
    const role = await ctx.cache.role(token.roleId);
    return {
      id: token.id,
      name: token.name,
      roleName: role?.name ?? '',
      permissions: role?.permissions ?? [],
      expiresAt: token.expiresAt,
      status: tokenStatus(token.expiresOn, ctx.clock(), ctx.timeZone),
    };
  });
}
