import type { Scheduler } from '../ports';

// While the server cannot be reached, asks again in the background (5 s, then slower up to a
// minute) so the console returns to live data by itself once the server answers. A successful
// probe flips the connection back to online through the client's reachability report, and the
// renderer reloads on that event.
export const RETRY_DELAYS_MS: readonly number[] = [5_000, 10_000, 20_000, 30_000, 60_000];

export class ConnectionMonitor {
  private timer: unknown = null;
  private attempt = 0;
  private stopped = false;

  constructor(
    private readonly deps: {
      probe: () => Promise<unknown>;
      scheduler: Scheduler;
      delaysMs?: readonly number[];
    },
  ) {}

  connectionChanged(state: 'online' | 'offline'): void {
    if (state === 'online') this.cancel();
    else if (this.timer === null && !this.stopped) this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== null) this.deps.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
  }

  private schedule(): void {
    const delays = this.deps.delaysMs ?? RETRY_DELAYS_MS;
    const delay = delays[Math.min(this.attempt, delays.length - 1)] ?? 60_000;
    this.attempt += 1;
    this.timer = this.deps.scheduler.setTimeout(() => {
      void this.deps.probe().then(
        () => this.cancel(),
        () => {
          // Still unreachable, or signed out meanwhile: the next offline report reschedules.
          this.timer = null;
          if (!this.stopped) this.schedule();
        },
      );
    }, delay);
  }
}
