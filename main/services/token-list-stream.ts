import { randomUUID } from 'node:crypto';
import type { IdentificationToken } from '../../shared/api/tokens';
import { LIST_CHUNK_ROWS, type TokenListChunk } from '../../shared/ipc/token-list-contract';

/**
 * One token list on its way to the renderer: rows are added as the server's pages arrive, and
 * the renderer reads them by offset, each read waiting until rows past that offset exist or
 * the list is complete. A failure after the first rows is answered to the next read.
 */
export class TokenListStream {
  readonly id = randomUUID();
  private rows: IdentificationToken[] = [];
  private total: number | null = null;
  private done = false;
  private failure: unknown = null;
  private waiters: (() => void)[] = [];
  private version: string | undefined;

  get length(): number {
    return this.rows.length;
  }

  /** Rows of one server page; `total` is the server's count when it gave one. */
  add(rows: readonly IdentificationToken[], total?: number | null): void {
    for (const row of rows) this.rows.push(row);
    if (total !== undefined && total !== null) this.total ??= total;
    this.wake();
  }

  /** The list is complete: `all` replaces what was added when nothing was (a delta sync answers at once). */
  finish(all: readonly IdentificationToken[], listVersion?: string): void {
    if (this.rows.length === 0) this.rows = [...all];
    this.version = listVersion;
    this.total = all.length;
    this.done = true;
    this.wake();
  }

  fail(error: unknown): void {
    this.failure = error;
    this.done = true;
    this.wake();
  }

  /** Resolves once `count` rows exist or the list ended (rejects when it failed with no rows to give). */
  async until(count: number): Promise<void> {
    while (!this.done && this.rows.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure !== null && this.rows.length < count) throw this.failure;
  }

  firstRows(count: number): IdentificationToken[] {
    return this.rows.slice(0, count);
  }

  /** The version of the complete list (see ListVersions), once it is complete. */
  get listVersion(): string | undefined {
    return this.complete ? this.version : undefined;
  }

  get complete(): boolean {
    return this.done && this.failure === null;
  }

  get knownTotal(): number {
    return Math.max(this.total ?? 0, this.rows.length);
  }

  async read(offset: number): Promise<TokenListChunk> {
    await this.until(offset + 1);
    const items = this.rows.slice(offset, offset + LIST_CHUNK_ROWS);
    // After a failure the rows already loaded are still given; the read past them fails.
    const done = this.complete && offset + items.length >= this.rows.length;
    const version = done ? this.listVersion : undefined;
    return { items, done, total: this.complete ? this.rows.length : this.knownTotal, ...(version === undefined ? {} : { listVersion: version }) };
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
