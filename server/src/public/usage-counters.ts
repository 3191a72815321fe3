import { addDays, todayIn } from '../../../shared/domain';
import { USAGE_ADDRESSES_PER_DAY, USAGE_RETENTION_DAYS } from '../../../shared/api';
import type { Store } from '../db/store';
import type { UsageAddress, UsageCount } from '../repositories/usage';

export interface UsageCountersOptions {
  clock: () => Date;
  /** Days are the organisation's calendar days, as expiry dates are. */
  timeZone: string;
  /** How often this node writes its counts. */
  flushEveryMs?: number;
}

const DEFAULT_FLUSH_MS = 5_000;
// Bounds what a node keeps while the store is unreachable (token × day pairs).
const MAX_PENDING = 100_000;

/**
 * Accepted and refused public requests per token and day. A request only adds to this node's
 * memory (no await, no I/O); a timer writes the sums every few seconds in one transaction of
 * UPSERT increments, so several nodes sharing PostgreSQL add up exactly. A write that fails
 * puts its sums back, to go with the next one: nothing is lost or counted twice. Up to
 * USAGE_ADDRESSES_PER_DAY distinct addresses per token and day are kept by each node.
 */
export class UsageCounters {
  private counts = new Map<string, UsageCount>();
  private addresses: UsageAddress[] = [];
  // Addresses this node already took for a token and day (at most the bound each).
  private readonly seen = new Map<string, Set<string>>();
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private prunedFor: string | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: UsageCountersOptions,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => {
        // Outside any request there is no one to answer to; the sums stay in memory.
        process.emitWarning(`usage counts wait for the store: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, this.options.flushEveryMs ?? DEFAULT_FLUSH_MS);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left (before the store closes). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  record(tokenId: number, at: Date, ip: string, outcome: 'accepted' | 'refused'): void {
    const day = todayIn(this.options.timeZone, at);
    const key = `${tokenId}|${day}`;
    let count = this.counts.get(key);
    if (!count) {
      if (this.counts.size >= MAX_PENDING) return;
      count = { tokenId, day, accepted: 0, refused: 0 };
      this.counts.set(key, count);
    }
    count[outcome] += 1;
    let seen = this.seen.get(key);
    if (!seen) {
      if (this.seen.size >= MAX_PENDING) this.seen.clear();
      seen = new Set();
      this.seen.set(key, seen);
    }
    if (seen.size < USAGE_ADDRESSES_PER_DAY && !seen.has(ip)) {
      seen.add(ip);
      this.addresses.push({ tokenId, day, ip });
    }
  }

  /** Writes the sums now; the next flush waits for this one. */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.write());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async write(): Promise<void> {
    const today = todayIn(this.options.timeZone, this.options.clock());
    const prune = this.prunedFor !== today;
    if (this.counts.size === 0 && this.addresses.length === 0 && !prune) return;
    const counts = [...this.counts.values()];
    const addresses = this.addresses;
    this.counts = new Map();
    this.addresses = [];
    try {
      await this.store.transaction(async ({ usage }) => {
        await usage.add(counts, addresses);
        if (prune) await usage.prune(addDays(today, 1 - USAGE_RETENTION_DAYS));
      });
    } catch (error) {
      for (const count of counts) this.putBack(count);
      this.addresses.push(...addresses);
      throw error;
    }
    if (prune) {
      this.prunedFor = today;
      // Yesterday's address sets can still fill (a request at 23:59:59.9); older ones cannot.
      const yesterday = addDays(today, -1);
      for (const key of this.seen.keys()) if ((key.split('|')[1] ?? '') < yesterday) this.seen.delete(key);
    }
  }

  private putBack(count: UsageCount): void {
    const key = `${count.tokenId}|${count.day}`;
    const now = this.counts.get(key);
    if (now) {
      now.accepted += count.accepted;
      now.refused += count.refused;
    } else {
      this.counts.set(key, count);
    }
  }
}
