import { z } from 'zod';
import {
  ADMIN_PATHS,
  createRoleRequestSchema,
  deleteRoleQuerySchema,
  duplicateRoleRequestSchema,
  formatVersionTag,
  idParamsSchema,
  managedRoleSchema,
  roleSettingsResponseSchema,
  updateRoleRequestSchema,
} from '../../../../shared/api';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { BODY_ERRORS, errors, type ZodApp } from '../types';

const tags = ['admin: roles'];
const security = [{ adminBearer: [] }];
const ITEM = `${ADMIN_PATHS.roles}/:id`;

const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .meta({ description: 'The ETag of the version the change started from ("7"; a list, W/"7" and * are understood). Any other version: 412.' }),
});

function ifMatchHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

export function roleRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(ADMIN_PATHS.roleSettings, {
    schema: {
      tags,
      summary: 'Settings → Roles: the roles the caller may see, with their holders, and what the caller may grant',
      description: 'Needs View own on Roles. Roles ranked at or below the caller; `editable` marks those ranked strictly below.',
      security,
      response: { 200: roleSettingsResponseSchema, ...errors(401, 403) },
    },
  }, async (request) => ctx.roles.settings(requireAdminContext(request.admin)));

  app.post(ADMIN_PATHS.roles, {
    schema: {
      tags,
      summary: 'Define a role',
      description: 'Needs Create/Edit on Roles, a rank below the caller\'s best rank, and every granted right held by the caller.',
      security,
      body: createRoleRequestSchema,
      response: { 201: managedRoleSchema, ...errors(...BODY_ERRORS, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const role = await ctx.roles.create(requireAdminContext(request.admin), request.body, request.clientAddress);
    return reply.code(201).header('etag', formatVersionTag(role.version)).send(role);
  });

  app.get(ITEM, {
    schema: {
      tags,
      summary: 'One role, with its holders',
      security,
      params: idParamsSchema,
      response: { 200: managedRoleSchema, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const role = await ctx.roles.get(requireAdminContext(request.admin), request.params.id);
    return reply.header('etag', formatVersionTag(role.version)).send(role);
  });

  app.patch(ITEM, {
    schema: {
      tags,
      summary: 'Change a role\'s type, rank or rights; its tokens use the new rights on their next request',
      description: 'Needs Create/Edit on Roles and a role ranked below the caller. The name never changes. Newly granted rights must be held by the caller.',
      security,
      params: idParamsSchema,
      headers: ifMatchHeaders,
      body: updateRoleRequestSchema,
      response: { 200: managedRoleSchema, ...errors(...BODY_ERRORS, 401, 403, 404, 412) },
    },
  }, async (request, reply) => {
    const role = await ctx.roles.update(
      requireAdminContext(request.admin),
      request.params.id,
      request.body,
      ifMatchHeader(request.headers['if-match']),
      request.clientAddress,
    );
    return reply.header('etag', formatVersionTag(role.version)).send(role);
  });

  app.post(`${ITEM}/duplicate`, {
    schema: {
      tags,
      summary: 'Define a role with the rights and type of another one',
      description: 'Needs Create/Edit on Roles; the copy is checked like a new role. rank defaults to the source\'s.',
      security,
      params: idParamsSchema,
      body: duplicateRoleRequestSchema,
      response: { 201: managedRoleSchema, ...errors(...BODY_ERRORS, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const role = await ctx.roles.duplicate(requireAdminContext(request.admin), request.params.id, request.body, request.clientAddress);
    return reply.code(201).header('etag', formatVersionTag(role.version)).send(role);
  });

  app.delete(ITEM, {
    schema: {
      tags,
      summary: 'Delete a role',
      description:
        'Needs Delete on Roles. A role held by tokens answers 409 role_in_use (naming how many) unless moveTokensTo names the ' +
        'role they get instead (which also needs Create/Edit on Security); a role held by employees cannot be deleted.',
      security,
      params: idParamsSchema,
      querystring: deleteRoleQuerySchema,
      headers: ifMatchHeaders,
      response: { 204: z.null(), ...errors(...BODY_ERRORS, 401, 403, 404, 409, 412) },
    },
  }, async (request, reply) => {
    await ctx.roles.delete(
      requireAdminContext(request.admin),
      request.params.id,
      request.query.moveTokensTo,
      ifMatchHeader(request.headers['if-match']),
      request.clientAddress,
    );
    return reply.code(204).send(null);
  });
}
