import type { Kysely } from 'kysely';
import type { AuditAction, AuditEvent } from '../../../shared/api';
import type { Schema } from '../db/schema';

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

  async list(query: { tokenId?: number; before?: number; limit: number }): Promise<AuditEvent[]> {
    let select = this.db.selectFrom('audit_events').select([
      'id', 'at', 'actor_type as actorType', 'actor_id as actorId', 'actor_name as actorName', 'action',
      'token_id as tokenId', 'token_name as tokenName', 'ip', 'changes', 'reason',
      'role_id as roleId', 'role_name as roleName',
    ]);
    if (query.tokenId !== undefined) select = select.where('token_id', '=', query.tokenId);
    if (query.before !== undefined) select = select.where('id', '<', query.before);
    const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
    return rows.map((raw) => ({
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
    }));
  }
}
