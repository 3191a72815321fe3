import type { Profile } from '../../shared/ipc/schemas';
import { type Logger, type Scheduler, silentLogger } from '../ports';
import type { FullInventoryLoad } from './inventory-service';
import type { PendingLoad } from './live-inventory';

type Refresh = (profile: Pick<Profile, 'id' | 'baseUrl'>, load: FullInventoryLoad) => Promise<unknown>;

// Sealing and writing a copy costs main about 20 µs a token (2 s at 100,000): a copy of N tokens
// is written at most every N ms, so rewriting it takes at most about 2% of main's time.
const MS_PER_TOKEN = 1;

/**
 * Writes each profile's offline copy from its latest load: one write at a time, a load that
 * arrives meanwhile replaces any still waiting (only the newest is worth writing), and a big
 * copy waits its turn after the last write (see MS_PER_TOKEN). A small inventory is written at
 * once. The copy on disk and its change cursor always belong to one load, so a copy a little
 * behind only makes the next launch sync a little more.
 */
export class CopyRefresher {
  private readonly waiting = new Map<string, PendingLoad>();
  private running: Promise<void> | null = null;
  private lastWrittenAt = Number.NEGATIVE_INFINITY;
  // Set on quit: what waits is written at once.
  private hurry = false;
  private cutWait: (() => void) | null = null;

  constructor(
    private readonly refresh: Refresh,
    private readonly scheduler: Scheduler,
    private readonly now: () => number = () => performance.now(),
    private readonly logger: Logger = silentLogger,
  ) {}

  /** Completed (its catalog asked for) only when its turn comes and no newer load replaced it. */
  offer(pending: PendingLoad): void {
    this.waiting.set(pending.profileId, pending);
    this.start();
  }

  /** On quit: writes what waits now, unpaced, and resolves once nothing is being written. */
  async flush(): Promise<void> {
    this.hurry = true;
    this.cutWait?.();
    while (this.running !== null) await this.running;
  }

  private start(): void {
    if (this.running !== null) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // A load offered while the last write was ending.
      if (this.waiting.size > 0) this.start();
    });
  }

  private async drain(): Promise<void> {
    for (let next = this.first(); next !== undefined; next = this.first()) {
      const wait = this.lastWrittenAt + next.tokenCount * MS_PER_TOKEN - this.now();
      if (wait > 0 && !this.hurry) await this.pause(wait);
      // The newest load of that profile, which may have arrived during the wait.
      const latest = this.waiting.get(next.profileId);
      if (latest === undefined) continue;
      this.waiting.delete(next.profileId);
      await write(latest, this.refresh).catch((error: unknown) =>
        this.logger.warn('could not save the offline inventory', { reason: error instanceof Error ? error.name : typeof error }),
      );
      this.lastWrittenAt = this.now();
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = this.scheduler.setTimeout(resolve, ms);
      this.cutWait = () => {
        this.scheduler.clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.cutWait = null;
    });
  }

  private first() {
    return this.waiting.values().next().value;
  }
}

async function write(pending: PendingLoad, refresh: Refresh): Promise<void> {
  const { profile, load } = await pending.loaded();
  await refresh(profile, load);
}
