import type { RoleItem } from '../../../shared/api';
import { reachableModuleNames } from '../../../shared/domain';
import type { RoleRow } from '../repositories/roles';

/** A role as the admin API shows it: its rights and the modules they reach. */
export const roleItem = (role: RoleRow): RoleItem => ({
  id: role.id,
  name: role.name,
  type: role.type,
  rank: role.rank,
  rights: role.rights,
  modules: reachableModuleNames(role.rights),
});
