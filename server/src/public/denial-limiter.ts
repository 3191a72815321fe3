import type { CountersRepository } from '../repositories/counters';

export interface DenialLimit {
  maxDenials: number;
  windowMs: number;
}

export const DEFAULT_DENIAL_LIMIT: DenialLimit = { maxDenials: 20, windowMs: 60_000 };

/**
 * Fixed window per client address: after too many refused credentials, the address is answered
 * 429 until the window ends, which also bounds the audit rows a scanner can cause.
 * `retryAfter` runs on every public request and answers from memory; `record` runs on refusals
 * only and answers the wait when the address has just gone over the limit.
 */
export interface DenialLimiter {
  /** Seconds the address must wait, or 0 when it may try. */
  retryAfter(address: string): number;
  /** Counts a refusal; the seconds to wait when the address is now over the limit, else 0. */
  record(address: string): Promise<number>;
  /** Another node blocked the address until `until` (epoch ms). */
  blocked(address: string, until: number): void;
}

interface Window {
  start: number;
  count: number;
}

function secondsUntil(end: number, now: number): number {
  return Math.max(1, Math.ceil((end - now) / 1000));
}

/** One node's count in memory: right for the SQLite store, whose file has one node. */
export class MemoryDenialLimiter implements DenialLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: () => Date,
    private readonly limit: DenialLimit = DEFAULT_DENIAL_LIMIT,
  ) {}

  retryAfter(address: string): number {
    const window = this.current(address);
    if (!window || window.count < this.limit.maxDenials) return 0;
    return secondsUntil(window.start + this.limit.windowMs, this.clock().getTime());
  }

  async record(address: string): Promise<number> {
    const now = this.clock().getTime();
    const window = this.current(address) ?? { start: now, count: 0 };
    window.count += 1;
    this.windows.set(address, window);
    if (this.windows.size > 10_000) this.prune(now);
    return window.count > this.limit.maxDenials ? secondsUntil(window.start + this.limit.windowMs, now) : 0;
  }

  blocked(): void {}

  private current(address: string): Window | undefined {
    const window = this.windows.get(address);
    if (!window) return undefined;
    if (window.start + this.limit.windowMs <= this.clock().getTime()) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private prune(now: number): void {
    for (const [address, window] of this.windows) {
      if (window.start + this.limit.windowMs <= now) this.windows.delete(address);
    }
  }
}

/**
 * Several nodes: the count lives in the store (one atomic upsert per refusal), so refusals on
 * any mix of nodes add up. The address that reaches the limit is blocked in this node's memory
 * and announced to the others (`announce`, a store change notice), which block it in theirs;
 * a node that missed the notice still answers 429 at the address's next refusal, from the
 * shared count.
 */
export class SharedDenialLimiter implements DenialLimiter {
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly counters: CountersRepository,
    private readonly announce: (address: string, until: number) => Promise<void>,
    private readonly clock: () => Date,
    private readonly limit: DenialLimit = DEFAULT_DENIAL_LIMIT,
  ) {}

  retryAfter(address: string): number {
    const until = this.blockedUntil.get(address);
    if (until === undefined) return 0;
    const now = this.clock().getTime();
    if (until <= now) {
      this.blockedUntil.delete(address);
      return 0;
    }
    return secondsUntil(until, now);
  }

  async record(address: string): Promise<number> {
    const now = this.clock().getTime();
    const window = await this.counters.addRefusal(address, now, this.limit.windowMs);
    if (window.count < this.limit.maxDenials) return 0;
    const until = window.windowStart + this.limit.windowMs;
    this.blocked(address, until);
    if (window.count === this.limit.maxDenials) await this.announce(address, until);
    if (Math.random() < 0.01) await this.counters.prune(now, this.limit.windowMs);
    return window.count > this.limit.maxDenials ? secondsUntil(until, now) : 0;
  }

  blocked(address: string, until: number): void {
    if (this.blockedUntil.size >= 10_000) {
      const now = this.clock().getTime();
      for (const [known, end] of this.blockedUntil) if (end <= now) this.blockedUntil.delete(known);
    }
    this.blockedUntil.set(address, Math.max(until, this.blockedUntil.get(address) ?? 0));
  }
}
