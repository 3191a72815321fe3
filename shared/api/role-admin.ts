import { z } from 'zod';
import { ROLE_NAME_MAX, roleRightsSchema, roleTypeSchema } from '../domain';
import { idQuerySchema } from './common';
import { roleItemSchema } from './roles';
import { trimmedTextSchema } from './text';

// Settings → Roles: defining roles. The rules no schema can hold (rank below the caller's, no
// right the caller lacks) are shared/domain/role-rules.ts, checked by the server and the editor.

// Rank 1 is the best there is, and a role is always ranked below its author: never 1.
const rankSchema = z.number().int().min(2).max(1000);

export const roleNameInputSchema = trimmedTextSchema(ROLE_NAME_MAX).meta({
  description: 'Stored trimmed; unique without regard to case. It cannot be changed afterwards (duplicate the role instead).',
});

export const createRoleRequestSchema = z.strictObject({
  name: roleNameInputSchema,
  type: roleTypeSchema,
  rank: rankSchema.meta({ description: "Greater than the caller's best rank (rank 1 is the most privileged)." }),
  rights: roleRightsSchema.meta({ description: 'Module key -> rights. The caller must hold every right granted.' }),
});
export type CreateRoleRequest = z.infer<typeof createRoleRequestSchema>;

// The name is not here: Wifox never renames a role.
export const updateRoleRequestSchema = z.strictObject({
  type: roleTypeSchema.optional(),
  rank: rankSchema.optional(),
  // The whole grid: modules left out hold nothing.
  rights: roleRightsSchema.optional(),
});
export type UpdateRoleRequest = z.infer<typeof updateRoleRequestSchema>;

export const duplicateRoleRequestSchema = z.strictObject({
  name: roleNameInputSchema,
  rank: rankSchema.optional(),
});
export type DuplicateRoleRequest = z.infer<typeof duplicateRoleRequestSchema>;

export const deleteRoleQuerySchema = z.object({
  moveTokensTo: idQuerySchema()
    .optional()
    .meta({ description: 'A role (assignable by the caller) that receives the tokens holding this one, in the same transaction.' }),
});
export type DeleteRoleQuery = z.input<typeof deleteRoleQuerySchema>;

export const managedRoleSchema = roleItemSchema.extend({
  version: z.number().int().positive(),
  // How many identification tokens and employees hold the role now.
  tokenCount: z.number().int().nonnegative(),
  employeeCount: z.number().int().nonnegative(),
  // Ranked below the caller's best rank: the caller may change or delete it.
  editable: z.boolean(),
});
export type ManagedRole = z.infer<typeof managedRoleSchema>;

export const roleSettingsResponseSchema = z.object({
  // The caller's best rank and the union of their roles' rights: what they may grant.
  caller: z.object({ rank: z.number().int().positive(), rights: roleRightsSchema }),
  items: z.array(managedRoleSchema),
});
export type RoleSettingsResponse = z.infer<typeof roleSettingsResponseSchema>;
