import type {
  CreateRoleRequest,
  DuplicateRoleRequest,
  ManagedRole,
  RoleSettingsResponse,
  UpdateRoleRequest,
} from '../../shared/api/role-admin';
import { AppError, isAppError } from '../errors';
import type { SessionService } from './session-service';

const ROLE_CONFLICT = 'Someone else changed this role since you opened it. Reload it to see their changes.';

// The HTTP layer words a 412 for tokens; here it is a role that moved on.
async function roleCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAppError(error, 'conflict')) throw new AppError('conflict', ROLE_CONFLICT);
    throw error;
  }
}

/** Settings → Roles: defining roles on the server the admin is signed in to. */
export class RoleAdminService {
  constructor(private readonly session: SessionService) {}

  settings(): Promise<RoleSettingsResponse> {
    return this.session.client().roleSettings();
  }

  create(request: CreateRoleRequest): Promise<ManagedRole> {
    return this.session.client().createRole(request);
  }

  update(id: number, version: number, changes: UpdateRoleRequest): Promise<ManagedRole> {
    return roleCall(() => this.session.client().updateRole(id, version, changes));
  }

  duplicate(id: number, request: DuplicateRoleRequest): Promise<ManagedRole> {
    return this.session.client().duplicateRole(id, request);
  }

  delete(id: number, version: number, moveTokensTo?: number): Promise<void> {
    return roleCall(() => this.session.client().deleteRole(id, version, moveTokensTo));
  }
}
