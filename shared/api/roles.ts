import { z } from 'zod';
import { roleRightsSchema, roleTypeSchema } from '../domain';
import { idSchema } from './common';

export const roleItemSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: roleTypeSchema,
  rank: z.number().int().positive(),
  rights: roleRightsSchema,
  // Display names of the modules the role reaches (linked views included), in catalog order.
  modules: z.array(z.string()),
});
export type RoleItem = z.infer<typeof roleItemSchema>;

export const rolesResponseSchema = z.object({
  items: z.array(roleItemSchema),
});
export type RolesResponse = z.infer<typeof rolesResponseSchema>;
