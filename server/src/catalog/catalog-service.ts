import { assignableRoles } from '../../../shared/domain';
import type { AdminContext } from '../auth/admin-context';
import type { MetaRepository } from '../repositories/meta';
import type { RoleRow, RolesRepository } from '../repositories/roles';

const DEFAULT_ORGANISATION_NAME = 'Wifox';

/** What the organisation looks like to a signed-in employee: its settings and the roles they may assign. */
export class CatalogService {
  constructor(
    private readonly meta: MetaRepository,
    private readonly roles: RolesRepository,
    private readonly timeZone: string,
  ) {}

  async settings(): Promise<{ timeZone: string; organisationName: string }> {
    return { timeZone: this.timeZone, organisationName: (await this.meta.get('organisation_name')) ?? DEFAULT_ORGANISATION_NAME };
  }

  async assignableRoles(admin: AdminContext): Promise<RoleRow[]> {
    return assignableRoles(admin.rank, await this.roles.list());
  }
}
