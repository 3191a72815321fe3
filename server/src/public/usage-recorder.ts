import type { TokensRepository } from '../repositories/tokens';

const WRITE_EVERY_MS = 60_000;

// lastUsedAt/lastUsedIp are written at most once a minute per token, so a busy token's
// requests stay read-only: this node skips the write when it wrote less than a minute ago, and
// the store skips it when any node did (the update's condition), so several nodes recording
// the same token write it once a minute and never back in time.
export class UsageRecorder {
  private readonly lastWrite = new Map<number, number>();

  constructor(private readonly tokens: TokensRepository) {}

  async record(tokenId: number, at: Date, ip: string): Promise<void> {
    const previous = this.lastWrite.get(tokenId);
    if (previous !== undefined && at.getTime() - previous < WRITE_EVERY_MS) return;
    this.lastWrite.set(tokenId, at.getTime());
    if (this.lastWrite.size > 100_000) this.lastWrite.clear();
    await this.tokens.recordUse(tokenId, at, ip, WRITE_EVERY_MS);
  }

  forget(tokenId: number): void {
    this.lastWrite.delete(tokenId);
  }
}
