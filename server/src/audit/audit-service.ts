import type { AuditEvent } from '../../../shared/api';
import { requireRight, type AdminContext } from '../auth/admin-context';
import type { AuditLog } from './audit-log';

/** Reading the audit trail: the right to read it is decided here, not in the route. */
export class AuditService {
  constructor(private readonly log: AuditLog) {}

  list(admin: AdminContext, query: { tokenId?: number; before?: number; limit: number }): Promise<AuditEvent[]> {
    requireRight(admin, { module: 'security', right: 'view_all' }, 'read the audit trail');
    return this.log.list(query);
  }
}
