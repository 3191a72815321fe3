import type { CountersRepository } from '../repositories/counters';

export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
}

// Wifox's default: 3 failed logins lock the account for one minute.
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 3, lockMs: 60_000 };

/**
 * Per-email failure counter kept in the store, so failures on any mix of nodes add up and a
 * lock holds on every node. Each failure is one atomic upsert (CountersRepository).
 */
export class LoginLockout {
  constructor(
    private readonly counters: CountersRepository,
    private readonly clock: () => Date,
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
  ) {}

  /** Seconds until the email may try again, or 0 when it is not locked. */
  async retryAfter(email: string): Promise<number> {
    const left = (await this.counters.lockedUntil(key(email))) - this.clock().getTime();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Records a failure; returns true when this failure locked the email. */
  async fail(email: string): Promise<boolean> {
    const now = this.clock().getTime();
    const count = await this.counters.addLoginFailure(key(email), now, this.policy.maxFailures, now + this.policy.lockMs);
    // Failures only ever grow by one, so exactly one failure reaches the limit.
    return count.failures === this.policy.maxFailures && count.lockedUntil > now;
  }

  async succeed(email: string): Promise<void> {
    await this.counters.clearLoginFailures(key(email));
  }
}

function key(email: string): string {
  return email.trim().toLowerCase();
}
