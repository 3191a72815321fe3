import type { AuditAction, AuditEvent } from '../../../shared/api';
import type { Db } from '../db/open';
import { statementCache, type Prepare } from '../db/statements';

export interface NewAuditEvent {
  at: Date;
  actor: { type: 'employee' | 'token'; id: number | null; name: string };
  action: AuditAction;
  tokenId?: number | null;
  tokenName?: string | null;
  ip?: string | null;
  changes?: Record<string, [unknown, unknown]>;
  reason?: string;
}

interface RawEvent {
  id: number;
  at: string;
  actorType: 'employee' | 'token';
  actorId: number | null;
  actorName: string;
  action: AuditAction;
  tokenId: number | null;
  tokenName: string | null;
  ip: string | null;
  changes: string | null;
  reason: string | null;
}

export class AuditRepository {
  private readonly sql: Prepare;
  private pending: NewAuditEvent[] = [];

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
  }

  insert(event: NewAuditEvent): number {
    this.flush();
    return this.write(event);
  }

  /**
   * For the public API's refusals, the one audit write on a hot path: the row is queued and
   * written with the others of the same event-loop turn in one transaction (setImmediate), so
   * a flood of forged or refused requests costs a commit per turn instead of one per request.
   * Rows are written at the end of the turn that refused them, microseconds later; every other
   * insert and every read flushes the queue first, so ids keep time order and reads see all.
   */
  insertSoon(event: NewAuditEvent): void {
    this.pending.push(event);
    if (this.pending.length > 1) return;
    setImmediate(() => {
      const count = this.pending.length;
      try {
        this.flush();
      } catch (error) {
        // Outside any request there is no one to answer 500 to; the server keeps running.
        process.emitWarning(`${count} refusal audit rows could not be written: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  /** Writes the queued rows now (also called before the database closes). */
  flush(): void {
    if (this.pending.length === 0 || !this.db.open) return;
    const batch = this.pending;
    this.pending = [];
    this.db.transaction(() => {
      for (const event of batch) this.write(event);
    })();
  }

  private write(event: NewAuditEvent): number {
    const result = this.sql(
        `INSERT INTO audit_events (at, actor_type, actor_id, actor_name, action, token_id, token_name, ip, changes, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(event.at.toISOString(), event.actor.type, event.actor.id, event.actor.name, event.action,
        event.tokenId ?? null, event.tokenName ?? null, event.ip ?? null,
        event.changes ? JSON.stringify(event.changes) : null, event.reason ?? null);
    return Number(result.lastInsertRowid);
  }

  list(query: { tokenId?: number; before?: number; limit: number }): AuditEvent[] {
    this.flush();
    const where: string[] = [];
    const params: number[] = [];
    if (query.tokenId !== undefined) {
      where.push('token_id = ?');
      params.push(query.tokenId);
    }
    if (query.before !== undefined) {
      where.push('id < ?');
      params.push(query.before);
    }
    const rows = this.sql(
        `SELECT id, at, actor_type AS actorType, actor_id AS actorId, actor_name AS actorName, action,
                token_id AS tokenId, token_name AS tokenName, ip, changes, reason
         FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params, query.limit) as RawEvent[];
    return rows.map((raw) => ({
      id: raw.id,
      at: raw.at,
      actor: { type: raw.actorType, id: raw.actorId, name: raw.actorName },
      action: raw.action,
      tokenId: raw.tokenId,
      tokenName: raw.tokenName,
      ip: raw.ip,
      ...(raw.changes ? { changes: JSON.parse(raw.changes) as Record<string, [unknown, unknown]> } : {}),
      ...(raw.reason ? { reason: raw.reason } : {}),
    }));
  }
}
