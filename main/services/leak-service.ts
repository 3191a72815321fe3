import { createHash } from 'node:crypto';
import { MAX_LEAK_ITEMS } from '../../shared/api/leaks';
import { findSecrets } from '../../shared/domain/secret-scan';
import type { LeakCheckResult, LeakFinding } from '../../shared/ipc/leaks-contract';
import { AppError } from '../errors';
import type { SessionService } from './session-service';

const sha256Hex = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * The leaked-secret check: finds the `wfx_` secrets in a pasted text, hashes the well-formed
 * ones here in main and asks the server about the hashes. The text and the secrets are kept
 * nowhere and never logged; the renderer gets back hints and tokens, never a secret.
 */
export class LeakService {
  constructor(private readonly session: SessionService) {}

  async check(text: string): Promise<LeakCheckResult> {
    const found = findSecrets(text);
    const wellFormed = found.filter((item) => item.wellFormed);
    if (wellFormed.length > MAX_LEAK_ITEMS) {
      throw new AppError('validation', `The text holds ${wellFormed.length} secrets; check at most ${MAX_LEAK_ITEMS} at a time.`);
    }
    const hashes = wellFormed.map((item) => sha256Hex(item.secret));
    const answers = hashes.length === 0 ? [] : (await this.session.client().leakLookup(hashes)).items;
    const byHash = new Map(answers.map((answer) => [answer.hash, answer]));
    const findings = found.map((item): LeakFinding => {
      if (!item.wellFormed) return { hint: item.hint, status: 'malformed' };
      const answer = byHash.get(sha256Hex(item.secret));
      if (!answer) return { hint: item.hint, status: 'unknown' };
      const { hash: _hash, hint: _storedHint, ...rest } = answer;
      return { ...rest, hint: item.hint };
    });
    return { findings };
  }
}
