import type { AuditEvent, AuditListResponse, AuditQuery, RefusalGroups, RefusalWindow } from '../../../shared/api';
import { expiryEnd, startOfDayIn } from '../../../shared/domain';
import { requireRight, type AdminContext } from '../auth/admin-context';
import type { AuditFilterRow } from '../repositories/audit';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import type { AuditLog } from './audit-log';

const WINDOW_MS: Readonly<Record<RefusalWindow, number>> = { '24h': 24 * 3_600_000, '7d': 7 * 24 * 3_600_000 };
const VIEW_ALL = { module: 'security', right: 'view_all' } as const;

type PageQuery = Omit<AuditQuery, 'limit' | 'tokenId' | 'before'> & { limit: number; tokenId?: number; before?: number };

/** Reading the audit trail: the right to read it is decided here, not in the route. */
export class AuditService {
  constructor(
    private readonly log: AuditLog,
    private readonly options: { clock: () => Date; timeZone: string },
  ) {}

  list(admin: AdminContext, query: { tokenId?: number; before?: number; limit: number }): Promise<AuditEvent[]> {
    requireRight(admin, VIEW_ALL, 'read the audit trail');
    return this.log.list(query);
  }

  /** One page of the filtered trail, newest first; days are the organisation's. */
  async page(admin: AdminContext, query: PageQuery): Promise<AuditListResponse> {
    requireRight(admin, VIEW_ALL, 'read the audit trail');
    const filter: AuditFilterRow = {
      ...(query.tokenId !== undefined ? { tokenId: query.tokenId } : {}),
      ...(query.action !== undefined ? { action: query.action } : {}),
      ...(query.actor !== undefined ? { actor: query.actor } : {}),
      ...(query.tokenName !== undefined ? { tokenName: query.tokenName } : {}),
      ...(query.ip !== undefined ? { ip: query.ip } : {}),
      ...(query.from !== undefined ? { from: startOfDayIn(query.from, this.options.timeZone).toISOString() } : {}),
      ...(query.to !== undefined ? { until: expiryEnd(query.to, this.options.timeZone).toISOString() } : {}),
      ...(query.before !== undefined ? { before: query.before } : {}),
    };
    const key = JSON.stringify(filter);
    const after = query.cursor !== undefined ? decodeAuditCursor(query.cursor, key) : null;
    // One more than asked tells whether a next page exists.
    const rows = await this.log.page(filter, after, query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last, key) : null };
  }

  async refusals(admin: AdminContext, window: RefusalWindow): Promise<RefusalGroups> {
    requireRight(admin, VIEW_ALL, 'read the audit trail');
    const since = new Date(this.options.clock().getTime() - WINDOW_MS[window]).toISOString();
    return { window, since, ...(await this.log.refusalGroups(since)) };
  }
}
