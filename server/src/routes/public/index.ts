import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServerContext } from '../../server-context';
import { recordRoutes } from './records';
import { verifyRoute } from './verify';

export function publicRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (root) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    // The credential is checked before the body is parsed; each route declares the right it needs.
    // A callback hook, not an async one: the check is synchronous, and a promise per request
    // showed in the token check's overhead (npm run bench, figure 1).
    app.addHook('onRequest', (request, _reply, done) => {
      try {
        request.publicToken = ctx.guard.check(request, request.routeOptions.config.needed ?? null);
      } catch (error) {
        done(error as Error);
        return;
      }
      done();
    });
    verifyRoute(app, ctx);
    recordRoutes(app, ctx);
  };
}
