export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
}

// Wifox's default: 3 failed logins lock the account for one minute.
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 3, lockMs: 60_000 };

interface Entry {
  failures: number;
  lockedUntil: number;
}

// Per-email counter kept in memory: a restart forgives, which is acceptable for a one-minute lock.
export class LoginLockout {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: () => Date,
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
  ) {}

  /** Seconds until the email may try again, or 0 when it is not locked. */
  retryAfter(email: string): number {
    const entry = this.entries.get(key(email));
    if (!entry) return 0;
    const left = entry.lockedUntil - this.clock().getTime();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Records a failure; returns true when this failure locked the email. */
  fail(email: string): boolean {
    const now = this.clock().getTime();
    const k = key(email);
    const entry = this.entries.get(k) ?? { failures: 0, lockedUntil: 0 };
    if (entry.lockedUntil !== 0 && entry.lockedUntil <= now) {
      entry.failures = 0;
      entry.lockedUntil = 0;
    }
    entry.failures += 1;
    const locked = entry.failures >= this.policy.maxFailures;
    if (locked) entry.lockedUntil = now + this.policy.lockMs;
    this.entries.set(k, entry);
    this.prune(now);
    return locked;
  }

  succeed(email: string): void {
    this.entries.delete(key(email));
  }

  // Bounds memory when someone sprays many emails.
  private prune(now: number): void {
    if (this.entries.size < 10_000) return;
    for (const [k, entry] of this.entries) {
      if (entry.lockedUntil !== 0 && entry.lockedUntil <= now) this.entries.delete(k);
    }
  }
}

function key(email: string): string {
  return email.trim().toLowerCase();
}
