import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bearerToken } from '../../auth/admin-context';
import type { ServerContext } from '../../server-context';
import { auditRoutes } from './audit';
import { logoutRoute, sessionStartRoutes } from './auth';
import { catalogRoutes } from './catalog';
import { roleRoutes } from './roles';
import { leakRoutes } from './leaks';
import { rotationRoutes } from './rotation';
import { tokenPolicyRoutes } from './token-policy';
import { signingRoutes } from './signing';
import { tokenRoutes } from './tokens';
import { usageRoutes } from './usage';

export function adminRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (root) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    sessionStartRoutes(app, ctx);
    // Everything else needs a session; checked before the body is even parsed.
    await app.register(async (scope) => {
      const authed = scope.withTypeProvider<ZodTypeProvider>();
      authed.addHook('onRequest', async (request) => {
        request.admin = await ctx.admins.authenticate(bearerToken(request));
      });
      logoutRoute(authed, ctx);
      catalogRoutes(authed, ctx);
      // Before tokenRoutes: the contract test walks the document in order, and deleting comes last.
      rotationRoutes(authed, ctx);
      leakRoutes(authed, ctx);
      usageRoutes(authed, ctx);
      tokenRoutes(authed, ctx);
      roleRoutes(authed, ctx);
      auditRoutes(authed, ctx);
      tokenPolicyRoutes(authed, ctx);
      signingRoutes(authed, ctx);
    });
  };
}
