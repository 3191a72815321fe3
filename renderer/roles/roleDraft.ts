import type { CreateRoleRequest, ManagedRole, UpdateRoleRequest } from '../../shared/api/role-admin';
import {
  checkRoleDraft,
  normaliseRights,
  roleNameTakenMessage,
  sortManageRights,
  type ModuleKey,
  type ModuleRights,
  type RoleAuthor,
  type RoleRights,
  type RoleTemplate,
  type RoleType,
  type RuleViolation,
} from '../../shared/domain';

/** What the role drawer edits: a new role (from scratch or a template) or an existing one. */
export type RoleDraft = { name: string; type: RoleType; rank: number; rights: RoleRights };

export function draftOf(role: ManagedRole): RoleDraft {
  return { name: role.name, type: role.type, rank: role.rank, rights: normaliseRights(role.rights) };
}

/** A template's rights at a rank the author may give (just below their own when it ranks higher). */
export function draftFromTemplate(template: RoleTemplate | null, author: RoleAuthor): RoleDraft {
  const lowest = author.rank + 1;
  if (!template) return { name: '', type: 'employee', rank: lowest, rights: {} };
  return { name: template.name, type: template.type, rank: Math.max(template.rank, lowest), rights: normaliseRights(template.rights) };
}

// Replaces one module's rights and keeps the other modules' objects, so unchanged grid rows
// (memoised) do not render again; a module holding nothing is dropped.
export function setModuleRights(rights: RoleRights, module: ModuleKey, next: ModuleRights): RoleRights {
  const { [module]: _previous, ...others } = rights;
  const held = next.view !== 'none' || next.manage.length > 0;
  return held ? { ...others, [module]: { view: next.view, manage: sortManageRights(next.manage) } } : others;
}

/**
 * Everything the server would refuse, in its words (shared/domain/role-rules.ts), plus a name
 * already taken among the roles on screen. An existing role's name is never re-checked.
 */
export function draftViolations(draft: RoleDraft, author: RoleAuthor, roles: readonly ManagedRole[], editing: ManagedRole | null): RuleViolation[] {
  const problems = checkRoleDraft(
    { name: editing ? undefined : draft.name, rank: draft.rank, rights: draft.rights },
    author,
    editing ? { rights: editing.rights } : undefined,
  );
  if (!editing) {
    const key = draft.name.trim().normalize('NFC').toLowerCase();
    if (key !== '' && roles.some((role) => role.name.toLowerCase() === key)) {
      problems.unshift({ field: 'name', message: roleNameTakenMessage(draft.name.trim()) });
    }
  }
  return problems;
}

export function createRequest(draft: RoleDraft): CreateRoleRequest {
  return { name: draft.name.trim(), type: draft.type, rank: draft.rank, rights: normaliseRights(draft.rights) };
}

/** Only what changed; null when nothing did. */
export function updateRequest(draft: RoleDraft, role: ManagedRole): UpdateRoleRequest | null {
  const changes: UpdateRoleRequest = {};
  if (draft.type !== role.type) changes.type = draft.type;
  if (draft.rank !== role.rank) changes.rank = draft.rank;
  const rights = normaliseRights(draft.rights);
  if (JSON.stringify(rights) !== JSON.stringify(normaliseRights(role.rights))) changes.rights = rights;
  return Object.keys(changes).length > 0 ? changes : null;
}
