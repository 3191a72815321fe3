import { addDays, todayIn, type IsoDate } from '../../shared/domain/expiry';
import type { BulkAction, BulkItem, BulkItemResult, BulkOutcome, BulkResult } from '../../shared/ipc/bulk-contract';
import type { ErrorCode } from '../../shared/ipc/errors';
import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { isAppError } from '../errors';
import type { Clock } from '../ports';
import type { TokenService } from './token-service';

// Requests in flight at once: enough to make 100 tokens quick, few enough to stay polite to
// the server and its rate limiter.
export const BULK_CONCURRENCY = 4;

const OUTCOME_OF: Partial<Record<ErrorCode, BulkOutcome>> = { conflict: 'precondition_failed', forbidden: 'forbidden', not_found: 'not_found' };

// A token changed behind the console: nothing was done to it, and the admin should look again.
const CHANGED = 'Not done: someone changed this token since the list was loaded. Refresh the list and try again.';

export type BulkDeps = { tokens: TokenService; timeZone: () => Promise<string>; clock: Clock };

/**
 * Bulk actions: one request per token with the version the admin saw, at most
 * BULK_CONCURRENCY at a time, and a result for every token. A failure (412, 403, gone, or the
 * server not answering) stays on its token; the others go on.
 */
export class BulkService {
  constructor(private readonly deps: BulkDeps) {}

  // `onProgress` hears how many are done, about every 1 % (and at the end), not per token.
  async run(action: BulkAction, items: readonly BulkItem[], onProgress: (done: number, total: number) => void = () => undefined): Promise<BulkResult> {
    const today = action.kind === 'extendExpiry' ? todayIn(await this.deps.timeZone(), this.deps.clock()) : null;
    const results: BulkItemResult[] = new Array<BulkItemResult>(items.length);
    let next = 0;
    let done = 0;
    const step = Math.max(1, Math.floor(items.length / 100));
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const index = next++;
        const item = items[index] as BulkItem;
        results[index] = await this.one(action, item, today);
        done++;
        if (done % step === 0 || done === items.length) onProgress(done, items.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, items.length) }, worker));
    return { results };
  }

  private async one(action: BulkAction, item: BulkItem, today: IsoDate | null): Promise<BulkItemResult> {
    const { tokens } = this.deps;
    try {
      switch (action.kind) {
        case 'delete':
          await tokens.deleteVersion(item.id, item.version);
          break;
        case 'setExpiry':
          await tokens.update(item.id, item.version, { expiresOn: action.expiresOn });
          break;
        case 'extendExpiry': {
          const base = item.expiresOn !== null && today !== null && item.expiresOn >= today ? item.expiresOn : (today as IsoDate);
          await tokens.update(item.id, item.version, { expiresOn: addDays(base, action.days) });
          break;
        }
        case 'moveRole':
          await tokens.update(item.id, item.version, { roleId: action.roleId });
          break;
      }
      return { id: item.id, outcome: 'ok' };
    } catch (error) {
      if (!isAppError(error)) return { id: item.id, outcome: 'failed', message: ERROR_WORDING.internal };
      const outcome = OUTCOME_OF[error.code] ?? 'failed';
      return { id: item.id, outcome, message: outcome === 'precondition_failed' ? CHANGED : error.message };
    }
  }
}
