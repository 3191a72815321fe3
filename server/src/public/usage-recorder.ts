import type { TokensRepository } from '../repositories/tokens';

const WRITE_EVERY_MS = 60_000;

type Used = { id: number; secretHash: Buffer };

// lastUsedAt/lastUsedIp are written at most once a minute per token, so a busy token's
// requests stay read-only. SQLite hands a deleted newest token's id to the next token created,
// so a token is known by its id and its secret hash: a new token's first use is always written.
export class UsageRecorder {
  private readonly lastWrite = new Map<number, { at: number; secretHash: Buffer }>();

  constructor(private readonly tokens: TokensRepository) {}

  record(token: Used, at: Date, ip: string): void {
    const previous = this.lastWrite.get(token.id);
    if (previous !== undefined && previous.secretHash.equals(token.secretHash) && at.getTime() - previous.at < WRITE_EVERY_MS) return;
    this.lastWrite.set(token.id, { at: at.getTime(), secretHash: token.secretHash });
    this.tokens.recordUse(token.id, at, ip);
  }

  forget(tokenId: number): void {
    this.lastWrite.delete(tokenId);
  }
}
