/*
 * Settings → Roles in the fake main process (./fake-bridge.ts): the server's rules from
 * shared/domain/role-rules.ts, applied to the fake's roles and tokens, so the page meets the
 * same refusals in the same words as against the reference API.
 */
import type { ManagedRole } from '../../shared/api/role-admin';
import type { RoleItem } from '../../shared/api/roles';
import type { IdentificationToken } from '../../shared/api/tokens';
import {
  canAssignRole,
  canEditRole,
  checkRoleDraft,
  normaliseRights,
  notEditableMessage,
  reachableModuleNames,
  roleInUseMessage,
  roleNameTakenMessage,
  type RoleRights,
} from '../../shared/domain';
import type { ChannelErrorCode, ChannelParsedArg, ChannelResult } from '../../shared/ipc/contract';
import { type Result, fail, ok } from '../../shared/ipc/errors';

type RoleChannel = 'roles.settings' | 'roles.create' | 'roles.update' | 'roles.duplicate' | 'roles.delete';
type Handlers = { [C in RoleChannel]: (arg: ChannelParsedArg<C>) => Result<ChannelResult<C>, ChannelErrorCode<C>> };

export interface RoleHost {
  roles: RoleItem[];
  tokens: IdentificationToken[];
}

// What the fake admin (rank 3) holds: Clients without Delete, no Analytics, Roles and Security.
export const CALLER_RIGHTS: RoleRights = {
  clients: { view: 'all', manage: ['create_edit'] },
  actions: { view: 'all', manage: [] },
  logs: { view: 'all', manage: [] },
  'cb-accounts': { view: 'all', manage: [] },
  'cb-transactions': { view: 'all', manage: [] },
  roles: { view: 'all', manage: ['create_edit', 'delete'] },
  security: { view: 'all', manage: ['create_edit', 'delete'] },
};

export function roleHandlers(host: RoleHost, callerRank: number): Handlers {
  const versions = new Map<number, number>();
  let nextId = 500;
  const author = { rank: callerRank, rights: CALLER_RIGHTS };
  const versionOf = (id: number) => versions.get(id) ?? 1;
  const managed = (role: RoleItem): ManagedRole => ({
    ...role,
    version: versionOf(role.id),
    tokenCount: host.tokens.filter((token) => token.roleId === role.id).length,
    employeeCount: 0,
    editable: canEditRole(callerRank, role.rank),
  });
  const find = (id: number) => host.roles.find((role) => role.id === id && canAssignRole(callerRank, role.rank));
  const taken = (name: string) => host.roles.some((role) => role.name.toLowerCase() === name.toLowerCase());
  const invalid = (details: { field: string; message: string }[]) => fail({ code: 'validation' as const, message: 'The role is invalid.', details });
  const add = (role: Omit<RoleItem, 'id' | 'modules'>): ManagedRole => {
    const item: RoleItem = { ...role, id: nextId++, modules: reachableModuleNames(role.rights) };
    host.roles = [...host.roles, item];
    return managed(item);
  };

  return {
    'roles.settings': () => ok({ caller: { rank: callerRank, rights: CALLER_RIGHTS }, items: host.roles.filter((role) => canAssignRole(callerRank, role.rank)).map(managed) }),
    'roles.create': (input) => {
      const problems = checkRoleDraft(input, author);
      if (problems.length > 0) return invalid(problems);
      if (taken(input.name)) return fail({ code: 'name_taken', message: roleNameTakenMessage(input.name) });
      return ok(add({ name: input.name, type: input.type, rank: input.rank, rights: normaliseRights(input.rights) }));
    },
    'roles.update': ({ id, version, changes }) => {
      const role = find(id);
      if (!role) return fail({ code: 'not_found', message: `No role ${id}.` });
      if (!canEditRole(callerRank, role.rank)) return fail({ code: 'forbidden', message: notEditableMessage(role, callerRank) });
      if (version !== versionOf(id)) return fail({ code: 'conflict', message: 'Someone else changed this role since you opened it. Reload it to see their changes.' });
      const problems = checkRoleDraft({ rank: changes.rank, rights: changes.rights }, author, role);
      if (problems.length > 0) return invalid(problems);
      const rights = changes.rights ? normaliseRights(changes.rights) : role.rights;
      const updated: RoleItem = { ...role, ...changes, rights, modules: reachableModuleNames(rights) };
      host.roles = host.roles.map((other) => (other.id === id ? updated : other));
      versions.set(id, versionOf(id) + 1);
      // The tokens holding the role reach what it reaches now.
      for (const token of host.tokens) if (token.roleId === id) token.permissions = updated.modules;
      return ok(managed(updated));
    },
    'roles.duplicate': ({ id, name, rank }) => {
      const source = find(id);
      if (!source) return fail({ code: 'not_found', message: `No role ${id}.` });
      const problems = checkRoleDraft({ name, rank: rank ?? source.rank, rights: source.rights }, author);
      if (problems.length > 0) return invalid(problems);
      if (taken(name)) return fail({ code: 'name_taken', message: roleNameTakenMessage(name) });
      return ok(add({ name, type: source.type, rank: rank ?? source.rank, rights: source.rights }));
    },
    'roles.delete': ({ id, version, moveTokensTo }) => {
      const role = find(id);
      if (!role) return fail({ code: 'not_found', message: `No role ${id}.` });
      if (!canEditRole(callerRank, role.rank)) return fail({ code: 'forbidden', message: notEditableMessage(role, callerRank) });
      if (version !== versionOf(id)) return fail({ code: 'conflict', message: 'Someone else changed this role since you opened it. Reload it to see their changes.' });
      const holders = host.tokens.filter((token) => token.roleId === id);
      const heir = moveTokensTo === undefined ? undefined : find(moveTokensTo);
      if (holders.length > 0 && !heir) return fail({ code: 'in_use', message: roleInUseMessage(role.name, holders.length, 0) });
      for (const token of holders) {
        if (!heir) break;
        token.roleId = heir.id;
        token.roleName = heir.name;
        token.permissions = heir.modules;
      }
      host.roles = host.roles.filter((other) => other.id !== id);
      return ok(null);
    },
  };
}
