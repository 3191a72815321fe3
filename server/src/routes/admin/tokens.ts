import { z } from 'zod';
import {
  ADMIN_PATHS,
  createTokenRequestSchema,
  createTokenResponseSchema,
  formatVersionTag,
  idParamsSchema,
  identificationTokenSchema,
  tokenListQuerySchema,
  tokenListResponseSchema,
  updateTokenRequestSchema,
} from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { BODY_ERRORS, errors, type ZodApp } from '../types';

const tags = ['admin: identification tokens'];
const security = [{ adminBearer: [] }];
const ITEM = `${ADMIN_PATHS.tokens}/:id`;

function ifMatchHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

export function tokenRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(ADMIN_PATHS.tokens, {
    schema: {
      tags,
      summary: 'List identification tokens',
      description:
        'Needs View own on Security (only tokens the caller created) or View all. Pages with `cursor` (send back `nextCursor`); '
        + 'with `changedSince` (an earlier `changeCursor`) answers only what changed since, plus `deletedIds`; 410 when that cursor is too old.',
      security,
      querystring: tokenListQuerySchema,
      response: { 200: tokenListResponseSchema, ...errors(400, 401, 403, 410) },
    },
  }, async (request) => ctx.tokens.list(requireAdminContext(request.admin), request.query));

  app.post(ADMIN_PATHS.tokens, {
    schema: {
      tags,
      summary: 'Create an identification token',
      description: 'Needs Create/Edit on Security and a role ranked at or below the caller. The secret is in this response only. A token that breaks the token policy: 422 policy_violation naming the rule.',
      security,
      body: createTokenRequestSchema,
      response: { 201: createTokenResponseSchema, ...errors(...BODY_ERRORS, 401, 403, 409, 422) },
    },
  }, async (request, reply) => {
    const created = await ctx.tokens.create(requireAdminContext(request.admin), request.body, request.clientAddress);
    return reply.code(201).header('etag', formatVersionTag(created.token.version)).send(created);
  });

  app.get(ITEM, {
    schema: {
      tags,
      summary: 'One identification token',
      security,
      params: idParamsSchema,
      response: { 200: identificationTokenSchema, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const token = await ctx.tokens.get(requireAdminContext(request.admin), request.params.id);
    return reply.header('etag', formatVersionTag(token.version)).send(token);
  });

  app.patch(ITEM, {
    schema: {
      tags,
      summary: 'Change name, role, expiry date, whitelist, owner or description',
      description: 'The secret does not change. Send If-Match: "<version>" to refuse a stale edit (412). expiresOn: null clears the date. A changed expiry date or whitelist that breaks the token policy: 422 policy_violation naming the rule.',
      security,
      params: idParamsSchema,
      headers: z.object({
        'if-match': z
          .string()
          .optional()
          .meta({ description: 'The ETag of the version the edit started from ("7"; a list, W/"7" and * are understood). Any other version: 412.' }),
      }),
      body: updateTokenRequestSchema,
      response: { 200: identificationTokenSchema, ...errors(...BODY_ERRORS, 401, 403, 404, 409, 412, 422) },
    },
  }, async (request, reply) => {
    const token = await ctx.tokens.update(
      requireAdminContext(request.admin),
      request.params.id,
      request.body,
      ifMatchHeader(request.headers['if-match']),
      request.clientAddress,
    );
    return reply.header('etag', formatVersionTag(token.version)).send(token);
  });

  app.delete(ITEM, {
    schema: {
      tags,
      summary: 'Delete an identification token; its secret stops working at once',
      description: 'Send If-Match: "<version>" to refuse deleting a token changed since that version (412).',
      security,
      params: idParamsSchema,
      headers: z.object({
        'if-match': z
          .string()
          .optional()
          .meta({ description: 'The ETag of the version the admin saw ("7"; a list, W/"7" and * are understood). Any other version: 412.' }),
      }),
      response: { 204: z.null(), ...errors(...BODY_ERRORS, 401, 403, 404, 412) },
    },
  }, async (request, reply) => {
    await ctx.tokens.delete(
      requireAdminContext(request.admin),
      request.params.id,
      request.clientAddress,
      ifMatchHeader(request.headers['if-match']),
    );
    return reply.code(204).send(null);
  });
}
