import { z } from 'zod';
import { ADMIN_PATHS, formatVersionTag, tokenPolicySchema, updateTokenPolicyRequestSchema } from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { BODY_ERRORS, errors, type ZodApp } from '../types';

const tags = ['admin: token policy'];
const security = [{ adminBearer: [] }];

function ifMatchHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

export function tokenPolicyRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(ADMIN_PATHS.tokenPolicy, {
    schema: {
      tags,
      summary: 'Settings → Token policy: the limits new and edited tokens must keep',
      description: 'Needs View own on Security. `editable` says whether the caller may change it (Manage all on Security).',
      security,
      response: { 200: tokenPolicySchema, ...errors(401, 403) },
    },
  }, async (request, reply) => {
    const policy = await ctx.tokenPolicy.get(requireAdminContext(request.admin));
    return reply.header('etag', formatVersionTag(policy.version)).send(policy);
  });

  app.put(ADMIN_PATHS.tokenPolicy, {
    schema: {
      tags,
      summary: 'Change the token policy',
      description:
        'Needs Manage all on Security; audited (policy.updated, old → new). Applies to tokens created or edited from now on: a token '
        + 'that breaks it answers 422 policy_violation naming the rule. Existing tokens are not changed.',
      security,
      headers: z.object({
        'if-match': z.string().optional().meta({ description: 'The ETag of the version the change started from ("3"). Any other version: 412.' }),
      }),
      body: updateTokenPolicyRequestSchema,
      response: { 200: tokenPolicySchema, ...errors(...BODY_ERRORS, 401, 403, 412) },
    },
  }, async (request, reply) => {
    const policy = await ctx.tokenPolicy.update(
      requireAdminContext(request.admin),
      request.body,
      ifMatchHeader(request.headers['if-match']),
      request.clientAddress,
    );
    return reply.header('etag', formatVersionTag(policy.version)).send(policy);
  });
}
