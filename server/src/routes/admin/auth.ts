import { z } from 'zod';
import {
  ADMIN_PATHS,
  loginRequestSchema,
  loginResponseSchema,
  refreshRequestSchema,
  refreshResponseSchema,
} from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { BODY_ERRORS, errors, type ZodApp } from '../types';

const tags = ['admin: session'];

/** Routes that need no session yet. */
export function sessionStartRoutes(app: ZodApp, ctx: ServerContext): void {
  app.post(ADMIN_PATHS.login, {
    schema: {
      tags,
      summary: 'Sign in with email and password',
      description: 'After 3 failed attempts for an email, that email is locked for 60 s (429 with Retry-After).',
      body: loginRequestSchema,
      response: { 200: loginResponseSchema, ...errors(...BODY_ERRORS, 401, 429) },
    },
  }, async (request) => ctx.logins.login(request.body.email, request.body.password, request.clientAddress));

  app.post(ADMIN_PATHS.refresh, {
    schema: {
      tags,
      summary: 'Exchange a refresh token for a new pair',
      description: 'The presented refresh token stops working. Presenting an already-used refresh token ends the whole session.',
      body: refreshRequestSchema,
      response: { 200: refreshResponseSchema, ...errors(...BODY_ERRORS, 401) },
    },
  }, async (request) => ctx.admins.refresh(request.body.refreshToken));
}

export function logoutRoute(app: ZodApp, ctx: ServerContext): void {
  app.post(ADMIN_PATHS.logout, {
    schema: {
      tags,
      summary: 'End the session',
      security: [{ adminBearer: [] }],
      response: { 204: z.null(), ...errors(...BODY_ERRORS, 401) },
    },
  }, async (request, reply) => {
    await ctx.sessions.end(requireAdminContext(request.admin).sessionId);
    return reply.code(204).send(null);
  });
}
