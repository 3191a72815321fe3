export interface DenialLimit {
  maxDenials: number;
  windowMs: number;
}

export const DEFAULT_DENIAL_LIMIT: DenialLimit = { maxDenials: 20, windowMs: 60_000 };

interface Window {
  start: number;
  count: number;
}

// Fixed window per client address: after too many refused credentials, the address is answered
// 429 until the window ends, which also bounds the audit rows a scanner can cause.
export class DenialLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: () => Date,
    private readonly limit: DenialLimit = DEFAULT_DENIAL_LIMIT,
  ) {}

  /** Seconds the address must wait, or 0 when it may try. */
  retryAfter(address: string): number {
    const window = this.current(address);
    if (!window || window.count < this.limit.maxDenials) return 0;
    return Math.max(1, Math.ceil((window.start + this.limit.windowMs - this.clock().getTime()) / 1000));
  }

  record(address: string): void {
    const now = this.clock().getTime();
    const window = this.current(address) ?? { start: now, count: 0 };
    window.count += 1;
    this.windows.set(address, window);
    if (this.windows.size > 10_000) this.prune(now);
  }

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
