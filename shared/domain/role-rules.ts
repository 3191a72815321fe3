import { MODULES, moduleName, type ModuleKey } from './modules';
import {
  MANAGE_RIGHT_LABELS,
  VIEW_RIGHT_LABELS,
  broaderView,
  sortManageRights,
  type ManageRight,
  type ModuleRights,
  type NeededRight,
  type RoleRights,
} from './rights';
import { effectiveRights, grants, reachableModules } from './roles';

/*
 * What an admin may do with role definitions, shared by the server (which enforces it) and the
 * console's role editor (which refuses the same things first, with the same words).
 */

export const ROLE_NAME_MAX = 100;

/** The rights of several roles held together: per module the broader view and every manage right. */
export function unionRights(all: readonly RoleRights[]): RoleRights {
  const out: RoleRights = {};
  for (const rights of all) {
    for (const [key, held] of Object.entries(effectiveRights(rights)) as [ModuleKey, ModuleRights][]) {
      const current = out[key];
      out[key] = current
        ? { view: broaderView(current.view, held.view), manage: sortManageRights([...current.manage, ...held.manage]) }
        : { view: held.view, manage: [...held.manage] };
    }
  }
  return out;
}

/** Only roles ranked strictly below the admin's best rank are theirs to define, change or delete. */
export function canEditRole(adminRank: number, roleRank: number): boolean {
  return Number.isInteger(roleRank) && roleRank > adminRank;
}

export function rankMessage(adminRank: number): string {
  return `Choose a rank above ${adminRank}: you can only define roles ranked below your own (rank ${adminRank}).`;
}

export function notEditableMessage(role: { name: string; rank: number }, adminRank: number): string {
  return `You cannot change the role "${role.name}" (rank ${role.rank}): you may only change roles ranked below your own (rank ${adminRank}).`;
}

export function roleNameTakenMessage(name: string): string {
  return `A role named "${name}" already exists (names are compared without case).`;
}

export function roleInUseMessage(name: string, tokens: number, employees: number): string {
  const holders = [
    tokens > 0 ? `${tokens} identification ${tokens === 1 ? 'token' : 'tokens'}` : null,
    employees > 0 ? `${employees} ${employees === 1 ? 'employee' : 'employees'}` : null,
  ].filter((part): part is string => part !== null);
  const move = employees > 0 ? 'Give them another role first.' : 'Move them to another role in the same request.';
  return `The role "${name}" is in use by ${holders.join(' and ')}. ${move}`;
}

function lackMessage(module: ModuleKey, label: string): string {
  return `You cannot grant "${label}" on ${moduleName(module)}: you do not hold it yourself.`;
}

function viewNeed(module: ModuleKey, view: ModuleRights['view']): NeededRight | null {
  if (view === 'none') return null;
  return { module, right: view === 'all' ? 'view_all' : 'view_own' };
}

export type RuleViolation = { field: string; message: string };

/**
 * The rights the draft grants that its author lacks, one per module (`rights.<module>`). A
 * right the role already held (`before`) is not re-checked: an admin may keep what they cannot
 * give, and take it away.
 */
export function ungrantableRights(draft: RoleRights, caller: RoleRights, before: RoleRights = {}): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const { key } of MODULES) {
    const wanted = draft[key];
    if (!wanted) continue;
    const previous = before[key];
    const problems: string[] = [];
    const need = viewNeed(key, wanted.view);
    // Narrowing a view the role already held grants nothing new.
    const narrowing = previous !== undefined && broaderView(previous.view, wanted.view) === previous.view;
    if (need && !narrowing && !grants(caller, need)) problems.push(VIEW_RIGHT_LABELS[wanted.view]);
    for (const right of sortManageRights(wanted.manage)) {
      if (previous?.manage.includes(right)) continue;
      if (!grants(caller, { module: key, right })) problems.push(MANAGE_RIGHT_LABELS[right]);
    }
    if (problems.length > 0) out.push({ field: `rights.${key}`, message: lackMessage(key, problems.join('", "')) });
  }
  return out;
}

export type RoleDraft = { name?: string; rank?: number; rights?: RoleRights };
export type RoleAuthor = { rank: number; rights: RoleRights };

/** Every rule a role definition can break besides the name's uniqueness and the version. */
export function checkRoleDraft(draft: RoleDraft, author: RoleAuthor, before?: { rights: RoleRights }): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (draft.name !== undefined) {
    const name = draft.name.trim();
    if (name.length === 0) out.push({ field: 'name', message: 'Enter a name.' });
    else if ([...name].length > ROLE_NAME_MAX) out.push({ field: 'name', message: `Use 1 to ${ROLE_NAME_MAX} characters.` });
  }
  if (draft.rank !== undefined && !canEditRole(author.rank, draft.rank)) out.push({ field: 'rank', message: rankMessage(author.rank) });
  if (draft.rights !== undefined) out.push(...ungrantableRights(draft.rights, author.rights, before?.rights));
  return out;
}

/** A module's rights as one line, for audit rows and the editor's summary. */
export function describeModuleRights(rights: ModuleRights | undefined): string {
  if (!rights || (rights.view === 'none' && rights.manage.length === 0)) return 'None';
  const parts = rights.view === 'none' ? [] : [VIEW_RIGHT_LABELS[rights.view]];
  return [...parts, ...sortManageRights(rights.manage).map((right: ManageRight) => MANAGE_RIGHT_LABELS[right])].join(', ');
}

/** The modules whose own rights differ, in catalog order: module key -> [old, new] as text. */
export function rightsChanges(before: RoleRights, after: RoleRights): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {};
  for (const { key } of MODULES) {
    const old = describeModuleRights(before[key]);
    const next = describeModuleRights(after[key]);
    if (old !== next) out[`rights.${key}`] = [old, next];
  }
  return out;
}

/** The modules a holder of the role reaches (linked views included) that it gains and loses. */
export function reachChanges(before: RoleRights, after: RoleRights): { gained: ModuleKey[]; lost: ModuleKey[] } {
  const old = new Set(reachableModules(before));
  const next = new Set(reachableModules(after));
  return {
    gained: MODULES.filter(({ key }) => next.has(key) && !old.has(key)).map(({ key }) => key),
    lost: MODULES.filter(({ key }) => old.has(key) && !next.has(key)).map(({ key }) => key),
  };
}

/** Drops modules holding nothing, so equal grids compare and store equal. */
export function normaliseRights(rights: RoleRights): RoleRights {
  const out: RoleRights = {};
  for (const { key } of MODULES) {
    const held = rights[key];
    if (held && (held.view !== 'none' || held.manage.length > 0)) out[key] = { view: held.view, manage: sortManageRights(held.manage) };
  }
  return out;
}
