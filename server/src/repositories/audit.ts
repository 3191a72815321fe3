import { sql, type Kysely } from 'kysely';
import { refusalKindSchema, type AuditAction, type AuditEvent, type RefusalsByAddress, type RefusalsByToken } from '../../../shared/api';
import type { Schema } from '../db/schema';

/** What the audit log filters on; `at` bounds are ISO instants (from included, until excluded). */
export interface AuditFilterRow {
  tokenId?: number;
  action?: AuditAction;
  actor?: string;
  tokenName?: string;
  ip?: string;
  from?: string;
  until?: string;
  /** Only events of a smaller id (the older paging by event id). */
  before?: number;
}

// A refusal's reason without the right it lacked, and a retired secret told apart.
const REFUSAL_KIND = sql<string>`CASE
  WHEN reason = 'unknown_token:deleted' THEN 'deleted_token'
  WHEN reason = 'unknown_token:rotated' THEN 'rotated_secret'
  WHEN reason LIKE 'insufficient_rights%' THEN 'insufficient_rights'
  ELSE reason END`;
const GROUPS = 50;

export interface NewAuditEvent {
  at: Date;
  actor: { type: 'employee' | 'token'; id: number | null; name: string };
  action: AuditAction;
  tokenId?: number | null;
  tokenName?: string | null;
  role?: { id: number; name: string };
  ip?: string | null;
  changes?: Record<string, [unknown, unknown]>;
  reason?: string;
}

function toRow(event: NewAuditEvent) {
  return {
    at: event.at.toISOString(),
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    actor_name: event.actor.name,
    action: event.action,
    token_id: event.tokenId ?? null,
    token_name: event.tokenName ?? null,
    ip: event.ip ?? null,
    changes: event.changes ? JSON.stringify(event.changes) : null,
    reason: event.reason ?? null,
    role_id: event.role?.id ?? null,
    role_name: event.role?.name ?? null,
  };
}

/** The audit trail's rows. Batching of the public API's refusals is AuditLog's (services). */
export class AuditRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async insert(event: NewAuditEvent): Promise<number> {
    const { id } = await this.db.insertInto('audit_events').values(toRow(event)).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  }

  /** One statement for the whole batch: all rows are written, or none. */
  async insertMany(events: readonly NewAuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.insertInto('audit_events').values(events.map(toRow)).execute();
  }

  /**
   * Newest first by (at, id), the filters and the keyset position all in SQL on indexed
   * columns: each page costs the same however deep it is.
   */
  async page(filter: AuditFilterRow, after: { at: string; id: number } | null, limit: number): Promise<AuditEvent[]> {
    let select = this.selectEvents();
    if (filter.tokenId !== undefined) select = select.where('token_id', '=', filter.tokenId);
    if (filter.action !== undefined) select = select.where('action', '=', filter.action);
    if (filter.ip !== undefined) select = select.where('ip', '=', filter.ip);
    if (filter.actor !== undefined) select = select.where(sql<string>`lower(actor_name)`, '=', sql<string>`lower(${filter.actor})`);
    if (filter.tokenName !== undefined) select = select.where(sql<string>`lower(token_name)`, '=', sql<string>`lower(${filter.tokenName})`);
    if (filter.from !== undefined) select = select.where('at', '>=', filter.from);
    if (filter.until !== undefined) select = select.where('at', '<', filter.until);
    if (filter.before !== undefined) select = select.where('id', '<', filter.before);
    if (after !== null) {
      select = select.where((eb) => eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]));
    }
    const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toEvent);
  }

  /** Refusals since the instant, grouped by token and by address, with the reason's kind. */
  async refusalGroups(since: string): Promise<{ byToken: RefusalsByToken[]; byAddress: RefusalsByAddress[] }> {
    const denied = this.db.selectFrom('audit_events').where('action', '=', 'token.denied').where('at', '>=', since);
    const count = sql<number | string>`count(*)`;
    const [tokens, addresses] = await Promise.all([
      denied.where('token_id', 'is not', null)
        .select([
          'token_id as tokenId', sql<string>`max(token_name)`.as('tokenName'), REFUSAL_KIND.as('kind'), count.as('count'),
          sql<number | string>`count(DISTINCT ip)`.as('addresses'), sql<string>`max(at)`.as('lastAt'),
        ])
        .groupBy(['token_id', REFUSAL_KIND]).orderBy(count, 'desc').orderBy('token_id').limit(GROUPS).execute(),
      denied.where('ip', 'is not', null)
        .select([
          'ip', REFUSAL_KIND.as('kind'), count.as('count'),
          sql<number | string>`count(DISTINCT token_id)`.as('tokens'), sql<string>`max(at)`.as('lastAt'),
        ])
        .groupBy(['ip', REFUSAL_KIND]).orderBy(count, 'desc').orderBy('ip').limit(GROUPS).execute(),
    ]);
    const kind = (value: string) => refusalKindSchema.catch('unknown_token').parse(value);
    return {
      byToken: tokens.map((row) => ({
        tokenId: Number(row.tokenId), tokenName: row.tokenName, kind: kind(row.kind), count: Number(row.count),
        addresses: Number(row.addresses), lastAt: row.lastAt,
      })),
      byAddress: addresses.map((row) => ({
        ip: row.ip ?? '', kind: kind(row.kind), count: Number(row.count), tokens: Number(row.tokens), lastAt: row.lastAt,
      })),
    };
  }

  async list(query: { tokenId?: number; before?: number; limit: number }): Promise<AuditEvent[]> {
    let select = this.selectEvents();
    if (query.tokenId !== undefined) select = select.where('token_id', '=', query.tokenId);
    if (query.before !== undefined) select = select.where('id', '<', query.before);
    const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map(toEvent);
  }

  private selectEvents() {
    return this.db.selectFrom('audit_events').select([
      'id', 'at', 'actor_type as actorType', 'actor_id as actorId', 'actor_name as actorName', 'action',
      'token_id as tokenId', 'token_name as tokenName', 'ip', 'changes', 'reason',
      'role_id as roleId', 'role_name as roleName',
    ]);
  }
}

type EventRow = Awaited<ReturnType<ReturnType<AuditRepository['selectEvents']>['execute']>>[number];

function toEvent(raw: EventRow): AuditEvent {
  return {
      id: Number(raw.id),
      at: raw.at,
      actor: { type: raw.actorType, id: raw.actorId, name: raw.actorName },
      action: raw.action as AuditAction,
      tokenId: raw.tokenId,
      tokenName: raw.tokenName,
      ip: raw.ip,
      ...(raw.roleId !== null && raw.roleName !== null ? { role: { id: raw.roleId, name: raw.roleName } } : {}),
      ...(raw.changes ? { changes: JSON.parse(raw.changes) as Record<string, [unknown, unknown]> } : {}),
      ...(raw.reason ? { reason: raw.reason } : {}),
  };
}
