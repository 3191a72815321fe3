import { describe, expect, it } from 'vitest';
import type { Scheduler } from '../../../main/ports';
import { ConnectionMonitor } from '../../../main/services/connection-monitor';

// A scheduler the test advances by hand: which delays were asked for, and run them on demand.
class ManualScheduler implements Scheduler {
  pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  delays(): number[] {
    return [...this.pending.values()].map((entry) => entry.ms);
  }
  async runAll(): Promise<void> {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, entry] of due) entry.callback();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('ConnectionMonitor', () => {
  it('probes with growing delays while offline and stops once a probe succeeds', async () => {
    const scheduler = new ManualScheduler();
    let reachable = false;
    let probes = 0;
    const monitor = new ConnectionMonitor({
      scheduler,
      delaysMs: [10, 20, 40],
      probe: async () => {
        probes += 1;
        if (!reachable) throw new Error('offline');
      },
    });

    monitor.connectionChanged('offline');
    expect(scheduler.delays()).toEqual([10]);
    await scheduler.runAll();
    expect(scheduler.delays()).toEqual([20]);
    await scheduler.runAll();
    await scheduler.runAll();
    expect(scheduler.delays()).toEqual([40]);

    reachable = true;
    await scheduler.runAll();
    expect(probes).toBe(4);
    expect(scheduler.delays()).toEqual([]);
  });

  it('schedules one probe however many offline reports arrive, and none after online or stop', async () => {
    const scheduler = new ManualScheduler();
    const monitor = new ConnectionMonitor({ scheduler, delaysMs: [10], probe: async () => {} });
    monitor.connectionChanged('offline');
    monitor.connectionChanged('offline');
    expect(scheduler.pending.size).toBe(1);
    monitor.connectionChanged('online');
    expect(scheduler.pending.size).toBe(0);
    monitor.connectionChanged('offline');
    monitor.stop();
    expect(scheduler.pending.size).toBe(0);
    monitor.connectionChanged('offline');
    expect(scheduler.pending.size).toBe(0);
  });
});
