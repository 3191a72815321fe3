import { z } from 'zod';
import { MODULE_GROUPS, moduleKeySchema } from '../domain';

export const moduleItemSchema = z.object({
  key: moduleKeySchema,
  name: z.string(),
  group: z.enum(MODULE_GROUPS),
  groupName: z.string(),
  // View on the parent grants the same view on this module.
  parent: moduleKeySchema.nullable(),
});
export type ModuleItem = z.infer<typeof moduleItemSchema>;

export const modulesResponseSchema = z.object({
  items: z.array(moduleItemSchema),
});
export type ModulesResponse = z.infer<typeof modulesResponseSchema>;
