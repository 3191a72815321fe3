import { z } from 'zod';
import { MODULES, childModules, moduleByKey, type ModuleKey } from './modules';
import {
  broaderView,
  roleRightsSchema,
  sortManageRights,
  type ManageRight,
  type ModuleRights,
  type NeededRight,
  type RoleRights,
  type ViewRight,
} from './rights';

export const ROLE_TYPES = ['employee', 'affiliate'] as const;
export type RoleType = (typeof ROLE_TYPES)[number];
export const roleTypeSchema = z.enum(ROLE_TYPES);

export const ROLE_TYPE_LABELS: Readonly<Record<RoleType, string>> = {
  employee: 'Employee',
  affiliate: 'Affiliate',
};

export type Role = { id: string; name: string; type: RoleType; rank: number; rights: RoleRights };

export const roleRankSchema = z.number().int().min(1);

export const roleSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(100),
  type: roleTypeSchema,
  rank: roleRankSchema,
  rights: roleRightsSchema,
});

/**
 * The rights a role really holds: view on a parent module grants the same view on its children
 * (a child keeps its own view when that is broader). Manage rights are never inherited.
 * Every catalog module the role touches appears once; modules with no right at all are left out.
 */
export function effectiveRights(rights: RoleRights): RoleRights {
  const out: RoleRights = {};
  for (const { key } of MODULES) {
    const own = rights[key];
    if (own && (own.view !== 'none' || own.manage.length > 0)) {
      out[key] = { view: own.view, manage: sortManageRights(own.manage) };
    }
  }
  // Parents come before their children in the catalog and the hierarchy is one level deep,
  // but walk until stable so a deeper catalog would still be handled.
  let changed = true;
  while (changed) {
    changed = false;
    for (const { key } of MODULES) {
      const parentView = out[key]?.view ?? 'none';
      if (parentView === 'none') continue;
      for (const child of childModules(key)) {
        const current = out[child] ?? { view: 'none', manage: [] };
        const view = broaderView(current.view, parentView);
        if (view !== current.view) {
          out[child] = { view, manage: current.manage };
          changed = true;
        }
      }
    }
  }
  return out;
}

function rightsOf(roleOrRights: Role | RoleRights): RoleRights {
  return isRole(roleOrRights) ? roleOrRights.rights : roleOrRights;
}

function isRole(value: Role | RoleRights): value is Role {
  return typeof (value as Role).rank === 'number' && typeof (value as Role).rights === 'object';
}

/** Modules the role can reach (any view or manage right after inheritance), in catalog order. */
export function reachableModules(roleOrRights: Role | RoleRights): ModuleKey[] {
  const effective = effectiveRights(rightsOf(roleOrRights));
  return MODULES.filter(({ key }) => effective[key] !== undefined).map(({ key }) => key);
}

/** Display names of the reachable modules: what the token list's Permissions column shows. */
export function reachableModuleNames(roleOrRights: Role | RoleRights): string[] {
  return reachableModules(roleOrRights).map((key) => moduleByKey(key).name);
}

/*
 * Which held right satisfies which needed right ("a broader right is accepted"):
 *
 *   view_all   ⊇ view_own     seeing every record includes seeing one's own.
 *   manage_all ⊇ manage_own   managing every record includes managing one's own.
 *   manage_own ⊇ create_edit  managing records (one's own or all) includes creating and editing
 *                             them; Create/Edit is the narrowest write right.
 *   delete                    stands alone: destruction is granted only explicitly, never
 *                             implied by a manage right, and delete implies nothing else.
 *
 * View and manage are independent axes, as in the Wifox role editor: a manage right does not
 * imply any view right, and a view right implies no manage right. An endpoint that reads
 * declares a view right; one that writes declares a manage right; a role that should do both
 * must hold both. This keeps "least privilege" literal: nothing is granted that the role editor
 * does not show.
 */
const SATISFIED_BY: Readonly<Record<NeededRight['right'], readonly (ManageRight | 'view_own' | 'view_all')[]>> = {
  view_own: ['view_own', 'view_all'],
  view_all: ['view_all'],
  create_edit: ['create_edit', 'manage_own', 'manage_all'],
  manage_own: ['manage_own', 'manage_all'],
  manage_all: ['manage_all'],
  delete: ['delete'],
};

function heldRights(moduleRights: ModuleRights): Set<string> {
  const held = new Set<string>(moduleRights.manage);
  if (moduleRights.view === 'own') held.add('view_own');
  if (moduleRights.view === 'all') held.add('view_all');
  return held;
}

/** The view a module gets from its own right and, through inheritance, its ancestors'. */
function effectiveView(rights: RoleRights, key: ModuleKey): ViewRight {
  const own = rights[key]?.view ?? 'none';
  const parent = moduleByKey(key).parent;
  return parent === null ? own : broaderView(own, effectiveView(rights, parent));
}

/**
 * Whether the rights (inheritance applied) grant the needed right. Runs on every API request,
 * so it looks at the one module and its ancestors instead of expanding every module.
 */
export function grants(rights: RoleRights, needed: NeededRight): boolean {
  const held = heldRights({ view: effectiveView(rights, needed.module), manage: rights[needed.module]?.manage ?? [] });
  return SATISFIED_BY[needed.right].some((right) => held.has(right));
}

/** Rank 1 is the most privileged: an admin may assign roles ranked equal to or below their own. */
export function canAssignRole(adminRank: number, roleRank: number): boolean {
  if (!Number.isInteger(adminRank) || adminRank < 1) return false;
  if (!Number.isInteger(roleRank) || roleRank < 1) return false;
  return roleRank >= adminRank;
}

/** Roles an admin of the given rank may see and assign, in rank order (stable for equal ranks). */
export function assignableRoles<T extends { rank: number }>(adminRank: number, roles: readonly T[]): T[] {
  return roles
    .map((role, index) => ({ role, index }))
    .filter(({ role }) => canAssignRole(adminRank, role.rank))
    .sort((a, b) => a.role.rank - b.role.rank || a.index - b.index)
    .map(({ role }) => role);
}

export const PRIVILEGED_MODULES: readonly ModuleKey[] = ['security', 'roles', 'employees'];

/** Manage rights on Security, Roles or Employees let a holder widen their own access. */
export function hasPrivilegedManageRights(rights: RoleRights): boolean {
  return PRIVILEGED_MODULES.some((key) => (rights[key]?.manage.length ?? 0) > 0);
}

export type RoleTemplate = {
  readonly name: string;
  readonly type: RoleType;
  readonly rank: number;
  readonly description: string;
  readonly rights: RoleRights;
};

/*
 * The three templates Wifox ships, mapped onto the catalog:
 * - "Employees of own projects" and "Requests of own clients" are View own on Employees and
 *   Requests; "Configurations" and "Statuses" are organisation settings: View all on Settings.
 * - "Manage own Clients" is Manage own (which includes Create/Edit, see grants()).
 * - Each template widens the previous one; ranks leave rank 1 for the organisation owner.
 */
const AGENT_RIGHTS: RoleRights = {
  projects: { view: 'own', manage: [] },
  desks: { view: 'own', manage: [] },
  employees: { view: 'own', manage: [] },
  settings: { view: 'all', manage: [] },
  clients: { view: 'own', manage: ['manage_own'] },
  requests: { view: 'own', manage: [] },
  'company-fees': { view: 'all', manage: [] },
};

const DESK_MANAGER_RIGHTS: RoleRights = {
  ...AGENT_RIGHTS,
  projects: { view: 'own', manage: ['manage_own'] },
  desks: { view: 'own', manage: ['manage_own'] },
  clients: { view: 'all', manage: ['manage_all'] },
  requests: { view: 'own', manage: ['manage_all'] },
};

const PROJECT_ADMIN_RIGHTS: RoleRights = {
  ...DESK_MANAGER_RIGHTS,
  desks: { view: 'all', manage: ['manage_own'] },
  employees: { view: 'own', manage: ['manage_own'] },
};

export const ROLE_TEMPLATES: readonly RoleTemplate[] = [
  {
    name: 'Project admin',
    type: 'employee',
    rank: 2,
    description: "Desk manager's view plus all desks; Desk manager's manage rights plus employees.",
    rights: PROJECT_ADMIN_RIGHTS,
  },
  {
    name: 'Desk manager',
    type: 'employee',
    rank: 3,
    description: "Agent's view plus all clients; manages own projects and desks, all clients and requests.",
    rights: DESK_MANAGER_RIGHTS,
  },
  {
    name: 'Agent',
    type: 'employee',
    rank: 4,
    description: 'Views own projects, desks, employees, clients and their requests, settings and company fees; manages own clients.',
    rights: AGENT_RIGHTS,
  },
];
