import { MODULE_GROUP_NAMES, MODULES } from '../../../../shared/domain';
import { ADMIN_PATHS, modulesResponseSchema, rolesResponseSchema, settingsResponseSchema } from '../../../../shared/api';
import { roleItem } from '../../catalog/role-item';
import { requireAdminContext } from '../../http/request-context';
import type { ServerContext } from '../../server-context';
import { errors, type ZodApp } from '../types';

const security = [{ adminBearer: [] }];

export function catalogRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(ADMIN_PATHS.settings, {
    schema: {
      tags: ['admin: organisation'],
      summary: 'Organisation settings the console needs',
      description: 'timeZone is the zone in which expiry dates are whole days (the server\'s --timezone).',
      security,
      response: { 200: settingsResponseSchema, ...errors(401) },
    },
  }, () => ctx.catalog.settings());

  app.get(ADMIN_PATHS.modules, {
    schema: {
      tags: ['admin: organisation'],
      summary: 'The module catalog',
      security,
      response: { 200: modulesResponseSchema, ...errors(401) },
    },
  }, async () => ({
    items: MODULES.map((module) => ({
      key: module.key,
      name: module.name,
      group: module.group,
      groupName: MODULE_GROUP_NAMES[module.group],
      parent: module.parent,
    })),
  }));

  app.get(ADMIN_PATHS.roles, {
    schema: {
      tags: ['admin: organisation'],
      summary: 'Roles the caller may see and assign (rank equal to or below their own)',
      security,
      response: { 200: rolesResponseSchema, ...errors(401) },
    },
  }, async (request) => {
    const roles = await ctx.catalog.assignableRoles(requireAdminContext(request.admin));
    return { items: roles.map(roleItem) };
  });
}
