import { describe, expect, it } from 'vitest';
import { ConnectionMonitor } from '../../../main/services/connection-monitor';
import { ManualScheduler } from '../fakes/scheduler';

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
    expect(scheduler.pendingDelays()).toEqual([10]);
    await scheduler.runAll();
    expect(scheduler.pendingDelays()).toEqual([20]);
    await scheduler.runAll();
    await scheduler.runAll();
    expect(scheduler.pendingDelays()).toEqual([40]);

    reachable = true;
    await scheduler.runAll();
    expect(probes).toBe(4);
    expect(scheduler.pendingDelays()).toEqual([]);
  });

  it('schedules one probe however many offline reports arrive, and none after online or stop', async () => {
    const scheduler = new ManualScheduler();
    const monitor = new ConnectionMonitor({ scheduler, delaysMs: [10], probe: async () => {} });
    monitor.connectionChanged('offline');
    monitor.connectionChanged('offline');
    expect(scheduler.pendingDelays()).toHaveLength(1);
    monitor.connectionChanged('online');
    expect(scheduler.pendingDelays()).toHaveLength(0);
    monitor.connectionChanged('offline');
    monitor.stop();
    expect(scheduler.pendingDelays()).toHaveLength(0);
    monitor.connectionChanged('offline');
    expect(scheduler.pendingDelays()).toHaveLength(0);
  });
});
