import type { TokensRepository } from '../repositories/tokens';

const WRITE_EVERY_MS = 60_000;

type Used = { id: number; secretHash: Buffer };

// lastUsedAt/lastUsedIp are written at most once a minute per token, so a busy token's
// requests stay read-only: this node skips the write when it wrote less than a minute ago, and
// the store skips it when any node did (the update's condition), so several nodes recording
// the same token write it once a minute and never back in time. SQLite hands a deleted newest
// token's id to the next token created, so a token is known by its id and its secret hash: a
// new token's first use is always written.
export class UsageRecorder {
  private readonly lastWrite = new Map<number, { at: number; secretHash: Buffer }>();

  constructor(private readonly tokens: TokensRepository) {}

  async record(token: Used, at: Date, ip: string): Promise<void> {
    const previous = this.lastWrite.get(token.id);
    if (previous !== undefined && previous.secretHash.equals(token.secretHash) && at.getTime() - previous.at < WRITE_EVERY_MS) return;
    this.lastWrite.set(token.id, { at: at.getTime(), secretHash: token.secretHash });
    if (this.lastWrite.size > 100_000) this.lastWrite.clear();
    await this.tokens.recordUse(token.id, at, ip, WRITE_EVERY_MS);
  }

  forget(tokenId: number): void {
    this.lastWrite.delete(tokenId);
  }
}
