import {
  canAssignRole,
  canEditRole,
  checkRoleDraft,
  normaliseRights,
  notEditableMessage,
  rightsChanges,
  roleInUseMessage,
  roleNameTakenMessage,
  unionRights,
  type NeededRight,
  type RoleRights,
  type RoleType,
} from '../../../shared/domain';
import {
  ERROR_CODES,
  ifMatchAllows,
  type CreateRoleRequest,
  type DuplicateRoleRequest,
  type ErrorDetail,
  type ManagedRole,
  type RoleSettingsResponse,
  type UpdateRoleRequest,
} from '../../../shared/api';
import { requireRight, type AdminContext } from '../auth/admin-context';
import type { AuditLog } from '../audit/audit-log';
import { roleItem } from '../catalog/role-item';
import type { Store } from '../db/store';
import { isUniqueViolation } from '../db/store-errors';
import { HttpError } from '../http/http-error';
import type { Repositories } from '../repositories';
import type { RoleHolders, RoleRow } from '../repositories/roles';
import type { AccessCache } from '../tokens/access-cache';

const VIEW: NeededRight = { module: 'roles', right: 'view_own' };
const EDIT: NeededRight = { module: 'roles', right: 'create_edit' };
const DELETE: NeededRight = { module: 'roles', right: 'delete' };
const MOVE_TOKENS: NeededRight = { module: 'security', right: 'create_edit' };

const NO_HOLDERS: RoleHolders = { tokens: 0, employees: 0 };

function invalid(details: ErrorDetail[]): HttpError {
  return new HttpError(400, ERROR_CODES.validationFailed, 'The role is invalid.', details);
}

function staleVersion(): HttpError {
  return new HttpError(412, ERROR_CODES.versionMismatch, 'The role was changed by someone else; reload it and try again.');
}

/**
 * Settings → Roles: defining roles. Rights on the Roles module say who may; ranks say which
 * roles: an admin sees roles ranked at or below their best rank and changes only those ranked
 * strictly below it, granting no right they lack (shared/domain/role-rules.ts).
 */
export class RoleService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly cache: AccessCache,
    private readonly clock: () => Date,
  ) {}

  async settings(admin: AdminContext): Promise<RoleSettingsResponse> {
    requireRight(admin, VIEW, 'see role definitions');
    const [roles, holders] = await Promise.all([this.store.repos.roles.list(), this.store.repos.roles.holders()]);
    return {
      caller: { rank: admin.rank, rights: callerRights(admin) },
      items: roles
        .filter((role) => canAssignRole(admin.rank, role.rank))
        .map((role) => managed(role, holders.get(role.id) ?? NO_HOLDERS, admin)),
    };
  }

  async get(admin: AdminContext, id: number): Promise<ManagedRole> {
    requireRight(admin, VIEW, 'see role definitions');
    const role = await this.visible(admin, id);
    return managed(role, await this.store.repos.roles.holdersOf(id), admin);
  }

  async create(admin: AdminContext, input: CreateRoleRequest, ip: string): Promise<ManagedRole> {
    requireRight(admin, EDIT, 'define roles');
    const name = input.name.normalize('NFC');
    const rights = normaliseRights(input.rights);
    this.check(admin, { name, rank: input.rank, rights });
    return this.insert(admin, { name, type: input.type, rank: input.rank, rights }, ip, {});
  }

  async duplicate(admin: AdminContext, id: number, input: DuplicateRoleRequest, ip: string): Promise<ManagedRole> {
    requireRight(admin, EDIT, 'define roles');
    const source = await this.visible(admin, id);
    const name = input.name.normalize('NFC');
    const rank = input.rank ?? source.rank;
    // The copy grants everything the source holds: each right is checked as newly given.
    this.check(admin, { name, rank, rights: source.rights });
    return this.insert(admin, { name, type: source.type, rank, rights: source.rights }, ip, { duplicateOf: [null, source.name] });
  }

  /**
   * The one place a role's definition changes. Its tokens decide anew on their next request on
   * every node (the cache entry is dropped here and a change notice goes to the other nodes in
   * the same transaction).
   */
  async update(admin: AdminContext, id: number, input: UpdateRoleRequest, ifMatch: string | undefined, ip: string): Promise<ManagedRole> {
    requireRight(admin, EDIT, 'change roles');
    const current = await this.editable(admin, id);
    checkVersion(current.version, ifMatch);
    const rights = input.rights === undefined ? undefined : normaliseRights(input.rights);
    this.check(admin, { rank: input.rank, rights }, current);

    const changes: { type?: RoleType; rank?: number; rights?: RoleRights } = {};
    const diff: Record<string, [unknown, unknown]> = {};
    if (input.type !== undefined && input.type !== current.type) {
      changes.type = input.type;
      diff.type = [current.type, input.type];
    }
    if (input.rank !== undefined && input.rank !== current.rank) {
      changes.rank = input.rank;
      diff.rank = [current.rank, input.rank];
    }
    if (rights !== undefined) {
      const rightsDiff = rightsChanges(current.rights, rights);
      if (Object.keys(rightsDiff).length > 0) {
        changes.rights = rights;
        Object.assign(diff, rightsDiff);
      }
    }
    if (Object.keys(diff).length === 0) return this.get(admin, id);

    await this.audit.flush();
    await this.store.transaction(async ({ roles, audit, changes: notices }) => {
      if (!(await roles.update(id, current.version, changes))) throw staleVersion();
      await notices.publish({ kind: 'role', id });
      // The roles_changed trigger (migration 3) moves the change cursor of every token holding
      // this role in this same transaction, so incremental syncs see their new modules.
      await audit.insert({ ...this.actor(admin, ip), action: 'role.updated', role: { id, name: current.name }, changes: diff });
    });
    this.cache.invalidateRole(id);
    return this.get(admin, id);
  }

  async delete(admin: AdminContext, id: number, moveTokensTo: number | undefined, ifMatch: string | undefined, ip: string): Promise<void> {
    requireRight(admin, DELETE, 'delete roles');
    const current = await this.editable(admin, id);
    checkVersion(current.version, ifMatch);
    const target = moveTokensTo === undefined ? undefined : await this.moveTarget(admin, id, moveTokensTo);

    await this.audit.flush();
    await this.store.transaction(async (repos) => {
      const held = await repos.roles.holdersOf(id);
      const moving = target !== undefined && held.tokens > 0;
      if (held.employees > 0 || (held.tokens > 0 && !moving)) {
        throw new HttpError(409, ERROR_CODES.roleInUse, roleInUseMessage(current.name, held.tokens, held.employees));
      }
      // Moved tokens reach other modules: the tokens' update trigger moves their change cursor.
      const moved = moving ? await repos.roles.moveTokens(id, target.id, this.clock()) : 0;
      if (!(await repos.roles.delete(id, current.version))) throw staleVersion();
      await repos.changes.publish({ kind: 'role', id });
      await repos.audit.insert({
        ...this.actor(admin, ip),
        action: 'role.deleted',
        role: { id, name: current.name },
        changes: { rank: [current.rank, null], type: [current.type, null], ...rightsChanges(current.rights, {}) },
        ...(moved > 0 && target ? { reason: `${moved} ${moved === 1 ? 'token' : 'tokens'} moved to "${target.name}".` } : {}),
      });
    });
    this.cache.invalidateRole(id);
  }

  private async insert(admin: AdminContext, role: Omit<RoleRow, 'id' | 'version'>, ip: string, extra: Record<string, [unknown, unknown]>): Promise<ManagedRole> {
    // Compared here with Unicode case folding: SQLite's NOCASE and lower() fold ASCII only.
    const key = nameKey(role.name);
    if ((await this.store.repos.roles.list()).some((other) => nameKey(other.name) === key)) throw nameTaken(role.name);
    await this.audit.flush();
    let created: RoleRow;
    try {
      created = await this.store.transaction(async ({ roles, audit }: Repositories) => {
        const row = await roles.insert(role, this.clock());
        await audit.insert({
          ...this.actor(admin, ip),
          action: 'role.created',
          role: { id: row.id, name: row.name },
          changes: { ...extra, type: [null, role.type], rank: [null, role.rank], ...rightsChanges({}, role.rights) },
        });
        return row;
      });
    } catch (error) {
      // Another node may create the same name between the check and the insert.
      if (isUniqueViolation(error)) throw nameTaken(role.name);
      throw error;
    }
    return managed(created, NO_HOLDERS, admin);
  }

  private check(admin: AdminContext, draft: { name?: string; rank?: number; rights?: RoleRights }, before?: RoleRow): void {
    const problems = checkRoleDraft(draft, { rank: admin.rank, rights: callerRights(admin) }, before);
    if (problems.length > 0) throw invalid(problems);
  }

  private async moveTarget(admin: AdminContext, id: number, targetId: number): Promise<RoleRow> {
    requireRight(admin, MOVE_TOKENS, 'move identification tokens to another role');
    if (targetId === id) throw invalid([{ field: 'moveTokensTo', message: 'Choose another role than the one being deleted.' }]);
    const target = await this.store.repos.roles.findById(targetId);
    if (!target) throw invalid([{ field: 'moveTokensTo', message: `No role ${targetId}.` }]);
    if (!canAssignRole(admin.rank, target.rank)) {
      throw new HttpError(
        403,
        ERROR_CODES.roleNotAssignable,
        `You cannot assign the role "${target.name}" (rank ${target.rank}): your best rank is ${admin.rank}.`,
      );
    }
    return target;
  }

  // A role ranked above the caller answers like one that does not exist.
  private async visible(admin: AdminContext, id: number): Promise<RoleRow> {
    const role = await this.store.repos.roles.findById(id);
    if (!role || !canAssignRole(admin.rank, role.rank)) throw new HttpError(404, ERROR_CODES.notFound, `No role ${id}.`);
    return role;
  }

  private async editable(admin: AdminContext, id: number): Promise<RoleRow> {
    const role = await this.visible(admin, id);
    if (!canEditRole(admin.rank, role.rank)) throw new HttpError(403, ERROR_CODES.roleNotAssignable, notEditableMessage(role, admin.rank));
    return role;
  }

  private actor(admin: AdminContext, ip: string) {
    return { at: this.clock(), actor: { type: 'employee' as const, id: admin.employee.id, name: admin.employee.name }, ip };
  }
}

function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function nameTaken(name: string): HttpError {
  return new HttpError(409, ERROR_CODES.nameTaken, roleNameTakenMessage(name));
}

function callerRights(admin: AdminContext): RoleRights {
  return unionRights(admin.roles.map((role) => role.rights));
}

function checkVersion(version: number, ifMatch: string | undefined): void {
  if (!ifMatchAllows(ifMatch, version)) throw staleVersion();
}

function managed(role: RoleRow, holders: RoleHolders, admin: AdminContext): ManagedRole {
  return {
    ...roleItem(role),
    version: role.version,
    tokenCount: holders.tokens,
    employeeCount: holders.employees,
    editable: canEditRole(admin.rank, role.rank),
  };
}
