import type { IdentificationToken } from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';
import type { TokenListChunk } from '../../shared/ipc/token-list-contract';

/**
 * Rows shown first, before the rest of a large list is asked for: several screens' worth. Each
 * is parsed, flagged and sorted before the first frame, in a page whose code has not been
 * optimised yet; 150 instead of 500 took 10,000 tokens' first rows from 150–175 ms to
 * 120–145 ms after their arrival (`npm run bench -- 4`).
 */
export const FIRST_ROWS = 150;

/** Whether the list on screen still waits for rows (see useRestOfList). */
export const isPartial = (list: TokenListResult): boolean => list.rest !== undefined;

/**
 * The list with one more chunk of the list `listId`: a row that repeats one already listed
 * (renamed while main paged the server) replaces it unless older. Another list's chunk changes
 * nothing.
 */
export function appendChunk(list: TokenListResult, listId: string, chunk: TokenListChunk): TokenListResult {
  if (list.rest?.listId !== listId) return list;
  const at = new Map<number, number>();
  list.items.forEach((token, index) => at.set(token.id, index));
  const items: IdentificationToken[] = [...list.items];
  for (const token of chunk.items) {
    const index = at.get(token.id);
    if (index === undefined) {
      at.set(token.id, items.length);
      items.push(token);
    } else if (token.version >= (items[index]?.version ?? 0)) {
      // Not over a newer version this window saved meanwhile.
      items[index] = token;
    }
  }
  const { rest, ...whole } = list;
  if (!chunk.done) return { ...whole, rest, items, total: Math.max(chunk.total, items.length) };
  return { ...whole, items, total: items.length, ...(chunk.listVersion === undefined ? {} : { listVersion: chunk.listVersion }) };
}

/**
 * What the page shows of the token query: while a refresh arrives in pieces, the last complete
 * list stays (rows do not drop to the first few hundred and climb back on every focus).
 */
export function keepComplete<S extends { status: string; data?: TokenListResult }>(state: S, complete: TokenListResult | null): S | { status: 'success'; data: TokenListResult } {
  if (state.status === 'success' && state.data !== undefined && isPartial(state.data) && complete !== null) return { status: 'success', data: complete };
  return state;
}
