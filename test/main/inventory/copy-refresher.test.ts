import { describe, expect, it } from 'vitest';
import { CopyRefresher } from '../../../main/inventory/copy-refresher';
import type { FullInventoryLoad } from '../../../main/inventory/inventory-service';
import type { LoadedInventory, PendingLoad } from '../../../main/inventory/live-inventory';
import type { Scheduler } from '../../../main/ports';

// A clock and timers moved by hand.
class ManualTime implements Scheduler {
  now = 0;
  private timers: { at: number; run: () => void }[] = [];
  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { at: this.now + ms, run: callback };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(): void {}
  advance(ms: number): void {
    this.now += ms;
    const due = this.timers.filter((timer) => timer.at <= this.now);
    this.timers = this.timers.filter((timer) => timer.at > this.now);
    for (const timer of due) timer.run();
  }
}

const load = (tokens: number, fetchedAt: string) => ({ tokens: Array.from({ length: tokens }), fetchedAt }) as unknown as FullInventoryLoad;
const profile = { id: 'p1', baseUrl: 'https://wifox.example' };
const settle = () => new Promise((resolve) => setImmediate(resolve));
// Which loads were completed (their catalog asked for), by fetchedAt.
const completed: string[] = [];
const pending = (tokens: number, fetchedAt: string): PendingLoad => ({
  profileId: profile.id,
  tokenCount: tokens,
  loaded: async () => {
    completed.push(fetchedAt);
    return { profile: { ...profile, name: 'Wifox', email: 'ada@example.com' }, load: load(tokens, fetchedAt) } as unknown as LoadedInventory;
  },
});

describe('offline copy writes', () => {
  it('writes a copy at once, then a big one no sooner than its size in ms after, from the newest load', async () => {
    const time = new ManualTime();
    const written: string[] = [];
    const copies = new CopyRefresher(async (_profile, next) => void written.push(next.fetchedAt), time, () => time.now);
    copies.offer(pending(1_000, 'first'));
    await settle();
    expect(written).toEqual(['first']);
    copies.offer(pending(1_000, 'second'));
    copies.offer(pending(1_000, 'third'));
    await settle();
    time.advance(999);
    await settle();
    expect(written).toEqual(['first']);
    time.advance(1);
    await settle();
    expect(written).toEqual(['first', 'third']);
    // The load replaced while it waited was never completed: no catalog asked for it.
    expect(completed.filter((at) => at === 'second')).toEqual([]);
  });

  it('goes on after a write that failed', async () => {
    const time = new ManualTime();
    const written: string[] = [];
    const warnings: string[] = [];
    const copies = new CopyRefresher(
      async (_profile, next) => {
        if (next.fetchedAt === 'broken') throw new Error('disk full');
        written.push(next.fetchedAt);
      },
      time,
      () => time.now,
      { info: () => undefined, warn: (message) => void warnings.push(message), error: () => undefined },
    );
    copies.offer(pending(2, 'broken'));
    await settle();
    copies.offer(pending(2, 'after'));
    await settle();
    time.advance(2);
    await settle();
    expect(warnings).toEqual(['could not save the offline inventory']);
    expect(written).toEqual(['after']);
  });

  it('writes a waiting copy at once on quit, and resolves when it is on disk', async () => {
    const time = new ManualTime();
    const written: string[] = [];
    const copies = new CopyRefresher(async (_profile, next) => void written.push(next.fetchedAt), time, () => time.now);
    copies.offer(pending(100_000, 'first'));
    await settle();
    copies.offer(pending(100_000, 'waiting'));
    await settle();
    expect(written).toEqual(['first']);
    await copies.flush();
    expect(written).toEqual(['first', 'waiting']);
  });
});
