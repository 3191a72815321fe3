import { z } from 'zod';
import { identificationTokenSchema, type IdentificationToken } from '../api/tokens';

/*
 * What changed between two inventories, token by token, matched by id (a renamed token is a
 * change, not a removal plus an addition). Only what a reviewer acts on is compared: name,
 * role, the modules the role reaches, whitelist, expiry, owner and description. Usage times
 * and status move on their own and would bury the real changes. An inventory from before
 * owners (no owner field at all) says nothing about them, so they are compared only when
 * both sides hold the field.
 */

const nameChangeSchema = z.object({ field: z.literal('name'), old: z.string(), new: z.string() });
const roleRefSchema = z.object({ id: z.number().int(), name: z.string() });
const roleChangeSchema = z.object({ field: z.literal('role'), old: roleRefSchema, new: roleRefSchema });
const setChangeShape = { added: z.array(z.string()), removed: z.array(z.string()) };
const modulesChangeSchema = z.object({ field: z.literal('modules'), ...setChangeShape });
const whitelistChangeSchema = z.object({ field: z.literal('whitelist'), ...setChangeShape });
const expiryChangeSchema = z.object({ field: z.literal('expiresOn'), old: z.string().nullable(), new: z.string().nullable() });
const ownerChangeSchema = z.object({ field: z.literal('owner'), old: z.string().nullable(), new: z.string().nullable() });
const descriptionChangeSchema = z.object({ field: z.literal('description'), old: z.string().nullable(), new: z.string().nullable() });

export const fieldChangeSchema = z.discriminatedUnion('field', [
  nameChangeSchema,
  roleChangeSchema,
  modulesChangeSchema,
  whitelistChangeSchema,
  expiryChangeSchema,
  ownerChangeSchema,
  descriptionChangeSchema,
]);
export type FieldChange = z.infer<typeof fieldChangeSchema>;
export type ChangedField = FieldChange['field'];

export const tokenChangeSchema = z.object({
  id: z.number().int(),
  // The name in the later inventory (the earlier one is in a `name` change when it differs).
  name: z.string(),
  changes: z.array(fieldChangeSchema).min(1),
});
export type TokenChange = z.infer<typeof tokenChangeSchema>;

export const inventoryDiffSchema = z.object({
  added: z.array(identificationTokenSchema),
  removed: z.array(identificationTokenSchema),
  changed: z.array(tokenChangeSchema),
  unchanged: z.number().int().nonnegative(),
});
export type InventoryDiff = z.infer<typeof inventoryDiffSchema>;

export type DiffableInventory = { tokens: readonly IdentificationToken[] };

/** Items of `after` missing from `before` and the reverse, each in its list's own order. */
export function setDifference(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const old = new Set(before);
  const now = new Set(after);
  return {
    added: [...now].filter((item) => !old.has(item)),
    removed: [...old].filter((item) => !now.has(item)),
  };
}

export function tokenChanges(before: IdentificationToken, after: IdentificationToken): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.name !== after.name) changes.push({ field: 'name', old: before.name, new: after.name });
  if (before.roleId !== after.roleId || before.roleName !== after.roleName) {
    changes.push({
      field: 'role',
      old: { id: before.roleId, name: before.roleName },
      new: { id: after.roleId, name: after.roleName },
    });
  }
  const modules = setDifference(before.permissions, after.permissions);
  if (modules.added.length > 0 || modules.removed.length > 0) changes.push({ field: 'modules', ...modules });
  const whitelist = setDifference(before.whitelist, after.whitelist);
  if (whitelist.added.length > 0 || whitelist.removed.length > 0) changes.push({ field: 'whitelist', ...whitelist });
  if (before.expiresOn !== after.expiresOn) changes.push({ field: 'expiresOn', old: before.expiresOn, new: after.expiresOn });
  if (before.owner !== undefined && after.owner !== undefined && before.owner !== after.owner) {
    changes.push({ field: 'owner', old: before.owner, new: after.owner });
  }
  if (before.description !== undefined && after.description !== undefined && before.description !== after.description) {
    changes.push({ field: 'description', old: before.description, new: after.description });
  }
  return changes;
}

const byId = (a: { id: number }, b: { id: number }): number => a.id - b.id;

/** One pass over each side with a Map by id: linear in the number of tokens. Results by id. */
export function diffInventories(before: DiffableInventory, after: DiffableInventory): InventoryDiff {
  const earlier = new Map<number, IdentificationToken>();
  for (const token of before.tokens) earlier.set(token.id, token);
  const added: IdentificationToken[] = [];
  const changed: TokenChange[] = [];
  const matched = new Set<number>();
  let unchanged = 0;
  for (const token of after.tokens) {
    const previous = earlier.get(token.id);
    if (previous === undefined) {
      added.push(token);
      continue;
    }
    matched.add(token.id);
    const changes = tokenChanges(previous, token);
    if (changes.length === 0) unchanged += 1;
    else changed.push({ id: token.id, name: token.name, changes });
  }
  const removed = [...earlier.values()].filter((token) => !matched.has(token.id));
  return { added: added.sort(byId), removed: removed.sort(byId), changed: changed.sort(byId), unchanged };
}
