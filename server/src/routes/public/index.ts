import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServerContext } from '../../server-context';
import { recordRoutes } from './records';
import { verifyRoute } from './verify';

export function publicRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (root) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    // The credential is checked before the body is parsed; each route declares the right it needs.
    app.addHook('onRequest', async (request) => {
      request.publicToken = await ctx.guard.check(request, request.routeOptions.config.needed ?? null);
    });
    verifyRoute(app, ctx);
    recordRoutes(app, ctx);
  };
}
