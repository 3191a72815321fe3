import { createHash } from 'node:crypto';
import type { CopySecretResult } from '../../shared/ipc/schemas';
import { type ClipboardPort, type Logger, type Scheduler, silentLogger, systemScheduler } from '../ports';
import type { SettingsService } from './settings-service';

const fingerprint = (text: string): string => createHash('sha256').update(text).digest('hex');

// Copies secrets and takes them back: after the configured delay and on quit, but only when the
// clipboard still holds what we put there — whatever the user copied since is theirs.
export class ClipboardService {
  // A hash rather than the secret itself, so main does not keep the plaintext around.
  private pending: { fingerprint: string; timer: unknown } | null = null;

  constructor(
    private readonly clipboard: ClipboardPort,
    private readonly settings: SettingsService,
    private readonly scheduler: Scheduler = systemScheduler,
    private readonly logger: Logger = silentLogger,
  ) {}

  async copySecret(secret: string): Promise<CopySecretResult> {
    this.cancelTimer();
    this.pending = null;
    const { historyExcluded } = await this.clipboard.writeSecret(secret);
    const delay = this.settings.get().clipboardClearSeconds;
    // "Never" means never: not after a delay and not on quit either.
    if (delay === null) return { clearsInSeconds: null, historyExcluded };
    const timer = this.scheduler.setTimeout(() => void this.clearIfStillOurs(), delay * 1000);
    this.pending = { fingerprint: fingerprint(secret), timer };
    return { clearsInSeconds: delay, historyExcluded };
  }

  // On quit.
  dispose(): Promise<void> {
    return this.clearIfStillOurs();
  }

  private async clearIfStillOurs(): Promise<void> {
    const pending = this.pending;
    this.cancelTimer();
    this.pending = null;
    if (!pending) return;
    let current: string;
    try {
      current = await this.clipboard.readText();
    } catch {
      this.logger.warn('the clipboard could not be read to clear a copied secret');
      return;
    }
    if (current !== '' && fingerprint(current) === pending.fingerprint) {
      await this.clipboard.clear();
      this.logger.info('cleared a copied secret from the clipboard');
    }
  }

  private cancelTimer(): void {
    if (this.pending) this.scheduler.clearTimeout(this.pending.timer);
  }
}
