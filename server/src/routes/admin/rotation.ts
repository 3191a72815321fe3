import { z } from 'zod';
import {
  ADMIN_PATHS,
  createTokenResponseSchema,
  formatVersionTag,
  idParamsSchema,
  identificationTokenSchema,
  rotateSecretRequestSchema,
} from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { BODY_ERRORS, errors, type ZodApp } from '../types';

const tags = ['admin: identification tokens'];
const security = [{ adminBearer: [] }];
const ifMatch = z.object({
  'if-match': z
    .string()
    .optional()
    .meta({ description: 'The ETag of the version the action started from ("7"). Any other version: 412.' }),
});

function ifMatchHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

export function rotationRoutes(app: ZodApp, ctx: ServerContext): void {
  app.post(`${ADMIN_PATHS.tokens}/:id/rotate-secret`, {
    schema: {
      tags,
      summary: 'Rotate the secret: a new one now, the old one until the overlap ends',
      description:
        'Needs Create/Edit on Security and a token role ranked at or below the caller. The new secret is in this response only. ' +
        'The old secret keeps working for overlapHours (0: refused at once), then is refused like a deleted token\'s. ' +
        'A secret replaced by an earlier rotation stops at once. Name, role, whitelist, expiry and history stay.',
      security,
      params: idParamsSchema,
      headers: ifMatch,
      body: rotateSecretRequestSchema,
      response: { 200: createTokenResponseSchema, ...errors(...BODY_ERRORS, 401, 403, 404, 412) },
    },
  }, async (request, reply) => {
    const rotated = await ctx.rotation.rotate(
      requireAdminContext(request.admin),
      request.params.id,
      request.body.overlapHours,
      ifMatchHeader(request.headers['if-match']),
      request.clientAddress,
    );
    return reply.header('etag', formatVersionTag(rotated.token.version)).send(rotated);
  });

  app.post(`${ADMIN_PATHS.tokens}/:id/end-overlap`, {
    schema: {
      tags,
      summary: 'End a rotation\'s overlap now: the old secret is refused from the next request',
      description: 'Rights as for an edit. A token with no overlap running is answered unchanged.',
      security,
      params: idParamsSchema,
      headers: ifMatch,
      response: { 200: identificationTokenSchema, ...errors(400, 401, 403, 404, 412) },
    },
  }, async (request, reply) => {
    const token = await ctx.rotation.endOverlap(
      requireAdminContext(request.admin),
      request.params.id,
      ifMatchHeader(request.headers['if-match']),
      request.clientAddress,
    );
    return reply.header('etag', formatVersionTag(token.version)).send(token);
  });
}
