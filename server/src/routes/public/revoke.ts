import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC_PATHS, publicRevokeRequestSchema, publicRevokeResponseSchema } from '../../../../shared/api';
import type { ServerContext } from '../../server-context';
import { BODY_ERRORS, errors } from '../types';

// Registered outside the public scope, whose hook demands a token: here the secrets in the
// body are the only proof asked for.
export function publicRevokeRoute(ctx: ServerContext): FastifyPluginAsync {
  return async (root) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.post(PUBLIC_PATHS.revoke, {
      schema: {
        tags: ['public'],
        summary: 'Revoke leaked secrets (for secret scanners)',
        description:
          'No credential: holding a secret is proof enough to kill it. A token\'s current secret deletes the token; a secret ' +
          'replaced by a rotation and still in its overlap stops working. Unknown, revoked and malformed secrets are ignored. ' +
          'Answers only how many were revoked. Every call counts against the caller address\'s refusal budget (429 beyond).',
        body: publicRevokeRequestSchema,
        response: { 200: publicRevokeResponseSchema, ...errors(...BODY_ERRORS, 429) },
      },
    }, async (request) => ({ revoked: await ctx.leaks.publicRevoke(request.body.secrets, request.clientAddress) }));
  };
}
