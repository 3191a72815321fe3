/*
 * IPC channels of Settings → Roles, in the shape of `ipcContract` (./contract.ts), which spreads
 * them in. Bodies are the REST API's own schemas (shared/api/role-admin.ts).
 */
import { z } from 'zod';
import { idSchema } from '../api/common';
import {
  createRoleRequestSchema,
  duplicateRoleRequestSchema,
  managedRoleSchema,
  roleSettingsResponseSchema,
  updateRoleRequestSchema,
} from '../api/role-admin';
import type { ChannelDefinition } from './contract';
import type { ErrorCode } from './errors';

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

// The same lists as in ./contract.ts: what reaching the server as an admin can meet.
const REACHING_SERVER = ['offline', 'timeout', 'bad_response', 'server_error', 'rate_limited', 'insecure_url'] as const;
const AS_ADMIN = [...REACHING_SERVER, 'not_signed_in', 'session_expired', 'forbidden'] as const;

const versionSchema = z.number().int().positive();

export const roleUpdateArgSchema = z.object({
  id: idSchema,
  // The version the edit started from; `conflict` when someone else saved in between.
  version: versionSchema,
  changes: updateRoleRequestSchema,
});
export type RoleUpdateArg = z.input<typeof roleUpdateArgSchema>;

export const roleDuplicateArgSchema = duplicateRoleRequestSchema.extend({ id: idSchema });
export type RoleDuplicateArg = z.input<typeof roleDuplicateArgSchema>;

export const roleDeleteArgSchema = z.object({
  id: idSchema,
  version: versionSchema,
  // The role the deleted role's tokens get instead; without it a role in use is `in_use`.
  moveTokensTo: idSchema.optional(),
});
export type RoleDeleteArg = z.input<typeof roleDeleteArgSchema>;

export const rolesIpcContract = {
  'roles.settings': channel({ arg: z.undefined(), result: roleSettingsResponseSchema, errors: AS_ADMIN }),
  'roles.create': channel({ arg: createRoleRequestSchema, result: managedRoleSchema, errors: [...AS_ADMIN, 'name_taken'] }),
  'roles.update': channel({ arg: roleUpdateArgSchema, result: managedRoleSchema, errors: [...AS_ADMIN, 'not_found', 'conflict'] }),
  'roles.duplicate': channel({ arg: roleDuplicateArgSchema, result: managedRoleSchema, errors: [...AS_ADMIN, 'not_found', 'name_taken'] }),
  'roles.delete': channel({ arg: roleDeleteArgSchema, result: z.null(), errors: [...AS_ADMIN, 'not_found', 'conflict', 'in_use'] }),
} as const;
