import { z } from 'zod';
import { moduleKeySchema, type ModuleKey } from './modules';

export const VIEW_RIGHTS = ['none', 'own', 'all'] as const;
export type ViewRight = (typeof VIEW_RIGHTS)[number];

export const MANAGE_RIGHTS = ['create_edit', 'manage_own', 'manage_all', 'delete'] as const;
export type ManageRight = (typeof MANAGE_RIGHTS)[number];

export type ModuleRights = { view: ViewRight; manage: ManageRight[] };
export type RoleRights = Partial<Record<ModuleKey, ModuleRights>>;

export const viewRightSchema = z.enum(VIEW_RIGHTS);
export const manageRightSchema = z.enum(MANAGE_RIGHTS);

export const moduleRightsSchema = z.object({
  view: viewRightSchema,
  manage: z
    .array(manageRightSchema)
    .refine((list) => new Set(list).size === list.length, { message: 'Each manage right may be listed once.' }),
});

export const roleRightsSchema = z.partialRecord(moduleKeySchema, moduleRightsSchema);

/** A right an action needs on one module: what an API endpoint declares. */
export const NEEDED_RIGHTS = ['view_own', 'view_all', ...MANAGE_RIGHTS] as const;
export type NeededRightKind = (typeof NEEDED_RIGHTS)[number];
export type NeededRight = { module: ModuleKey; right: NeededRightKind };

export const neededRightKindSchema = z.enum(NEEDED_RIGHTS);
export const neededRightSchema = z.object({ module: moduleKeySchema, right: neededRightKindSchema });

export const RIGHT_LABELS: Readonly<Record<NeededRightKind, string>> = {
  view_own: 'View own',
  view_all: 'View all',
  create_edit: 'Create/Edit',
  manage_own: 'Manage own',
  manage_all: 'Manage all',
  delete: 'Delete',
};

export const VIEW_RIGHT_LABELS: Readonly<Record<ViewRight, string>> = {
  none: 'None',
  own: 'View own',
  all: 'View all',
};

export const MANAGE_RIGHT_LABELS: Readonly<Record<ManageRight, string>> = {
  create_edit: RIGHT_LABELS.create_edit,
  manage_own: RIGHT_LABELS.manage_own,
  manage_all: RIGHT_LABELS.manage_all,
  delete: RIGHT_LABELS.delete,
};

const VIEW_LEVEL: Readonly<Record<ViewRight, number>> = { none: 0, own: 1, all: 2 };

export function broaderView(a: ViewRight, b: ViewRight): ViewRight {
  // Stryker disable next-line EqualityOperator: equal levels mean a === b, so either answer is the same
  return VIEW_LEVEL[a] >= VIEW_LEVEL[b] ? a : b;
}

/** Manage rights in catalog order, without duplicates. */
export function sortManageRights(list: readonly ManageRight[]): ManageRight[] {
  const present = new Set(list);
  return MANAGE_RIGHTS.filter((r) => present.has(r));
}
