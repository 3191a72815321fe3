import type { IdentificationToken } from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';

/**
 * The list a window holds brought up to date with an answer to `tokens.list({ since })` that
 * carries only what changed (`delta`). Nothing changed: the same rows (the list and its derived
 * data are not worked out again); otherwise changed tokens replace theirs, new ones follow, and
 * removed ones go.
 */
export function applyDelta(held: TokenListResult, answer: TokenListResult): TokenListResult {
  const { delta, ...whole } = answer;
  const removed = new Set(delta?.removedIds ?? []);
  if (answer.items.length === 0 && removed.size === 0) return { ...whole, items: held.items, total: held.items.length };
  const changed = new Map(answer.items.map((token) => [token.id, token]));
  const items: IdentificationToken[] = [];
  for (const token of held.items) {
    if (removed.has(token.id)) continue;
    const next = changed.get(token.id);
    changed.delete(token.id);
    items.push(next ?? token);
  }
  items.push(...changed.values());
  return { ...whole, items, total: items.length };
}
