import type { AuditEvent, RefusalsByAddress, RefusalsByToken } from '../../../shared/api';
import type { AuditFilterRow, AuditRepository, NewAuditEvent } from '../repositories/audit';

// Bounds what a node keeps while the store is unreachable.
const MAX_QUEUED = 10_000;
// Well under both stores' limit of bound parameters per statement.
const BATCH_ROWS = 500;

/**
 * The audit trail of one node. The public API's refusals, the one audit write on a hot path,
 * are queued and written with the others of the same event-loop turn in one statement
 * (setImmediate), so a flood of forged or refused requests costs a commit per turn instead of
 * one per request. Every other write and every read flushes the queue first, so reads see all.
 * A batch is written whole or not at all; one that fails (store unreachable) goes back to the
 * queue and is written by the next flush: no row is lost and none is written twice.
 */
export class AuditLog {
  private pending: NewAuditEvent[] = [];
  private scheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly audit: AuditRepository) {}

  /** Writes the event now (after anything queued). */
  async insert(event: NewAuditEvent): Promise<number> {
    await this.flush();
    return this.audit.insert(event);
  }

  insertSoon(event: NewAuditEvent): void {
    if (this.pending.length >= MAX_QUEUED) this.pending.shift();
    this.pending.push(event);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush().catch((error: unknown) => {
        // Outside any request there is no one to answer to; the rows stay queued.
        process.emitWarning(`refusal audit rows wait for the store: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
  }

  /** Writes the queued rows now (also called before the store closes). */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.writePending());
    // The next flush waits for this one whatever its outcome.
    this.flushing = run.catch(() => undefined);
    return run;
  }

  async list(query: { tokenId?: number; before?: number; limit: number }): Promise<AuditEvent[]> {
    await this.flush();
    return this.audit.list(query);
  }

  async page(filter: AuditFilterRow, after: { at: string; id: number } | null, limit: number): Promise<AuditEvent[]> {
    await this.flush();
    return this.audit.page(filter, after, limit);
  }

  async refusalGroups(since: string): Promise<{ byToken: RefusalsByToken[]; byAddress: RefusalsByAddress[] }> {
    await this.flush();
    return this.audit.refusalGroups(since);
  }

  get queued(): number {
    return this.pending.length;
  }

  // Rows leave the queue only once their statement succeeded.
  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, BATCH_ROWS);
      await this.audit.insertMany(batch);
      this.pending.splice(0, batch.length);
    }
  }
}
