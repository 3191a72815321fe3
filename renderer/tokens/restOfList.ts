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
 * The list with the next chunks of the list `listId`, in the order they came: a row that
 * repeats one already listed (renamed while main paged the server) replaces it unless older.
 * Another list's chunks change nothing. Several chunks at once cost one copy of the list.
 */
export function appendChunk(list: TokenListResult, listId: string, ...chunks: TokenListChunk[]): TokenListResult {
  const last = chunks.at(-1);
  if (list.rest?.listId !== listId || last === undefined) return list;
  const at = new Map<number, number>();
  list.items.forEach((token, index) => at.set(token.id, index));
  const items: IdentificationToken[] = [...list.items];
  for (const chunk of chunks) {
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
  }
  const { rest, ...whole } = list;
  if (!last.done) return { ...whole, rest, items, total: Math.max(last.total, items.length) };
  return { ...whole, items, total: items.length, ...(last.listVersion === undefined ? {} : { listVersion: last.listVersion }) };
}

/**
 * What the page shows of the token query: while a refresh arrives in pieces, the last complete
 * list stays (rows do not drop to the first few hundred and climb back on every focus).
 */
export function keepComplete<S extends { status: string; data?: TokenListResult }>(state: S, complete: TokenListResult | null): S | { status: 'success'; data: TokenListResult } {
  if (state.status === 'success' && state.data !== undefined && isPartial(state.data) && complete !== null) return { status: 'success', data: complete };
  return state;
}
