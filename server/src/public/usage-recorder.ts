import type { TokensRepository } from '../repositories/tokens';

const WRITE_EVERY_MS = 60_000;

// lastUsedAt/lastUsedIp are written at most once a minute per token, so a busy token's
// requests stay read-only.
export class UsageRecorder {
  private readonly lastWrite = new Map<number, number>();

  constructor(private readonly tokens: TokensRepository) {}

  record(tokenId: number, at: Date, ip: string): void {
    const previous = this.lastWrite.get(tokenId);
    if (previous !== undefined && at.getTime() - previous < WRITE_EVERY_MS) return;
    this.lastWrite.set(tokenId, at.getTime());
    this.tokens.recordUse(tokenId, at, ip);
  }

  forget(tokenId: number): void {
    this.lastWrite.delete(tokenId);
  }
}
