import type { ModuleItem } from '../../shared/api/modules';
import type { RoleItem } from '../../shared/api/roles';
import type { SettingsResponse } from '../../shared/api/settings';
import type { SessionService } from './session-service';

// What the token screens need around the tokens: the module catalog, the roles the admin may
// see and assign, and the organisation's time zone for expiry dates.
export class CatalogService {
  constructor(private readonly session: SessionService) {}

  async modules(): Promise<ModuleItem[]> {
    return (await this.session.client().modules()).items;
  }

  async roles(): Promise<RoleItem[]> {
    return (await this.session.client().roles()).items;
  }

  // Async like the others: signed out, `client()` throws, and callers gathering all three in
  // one Promise.all must get a rejection, not a throw that leaves the other two unhandled.
  async organisation(): Promise<SettingsResponse> {
    return this.session.client().organisationSettings();
  }
}
