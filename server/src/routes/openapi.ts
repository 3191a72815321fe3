import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC_PATHS } from '../../../shared/api';

export const openApiDocument: FastifyPluginAsync = async (app) => {
  app.get(PUBLIC_PATHS.openApi, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(app.swagger()),
  );
  app.get('/api/public/docs', { schema: { hide: true } }, async (_request, reply) => reply.redirect(PUBLIC_PATHS.openApi));
  app.get('/api/public/docs/', { schema: { hide: true } }, async (_request, reply) => reply.redirect(PUBLIC_PATHS.openApi));
};
