import type { Scheduler } from '../../../main/ports';

// Timers run when the test says so, not after real seconds.
export class ManualScheduler implements Scheduler {
  private timers = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { callback, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  pendingDelays(): number[] {
    return [...this.timers.values()].map((timer) => timer.ms);
  }

  async runAll(): Promise<void> {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const timer of due) timer.callback();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
