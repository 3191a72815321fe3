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
  // Counted down as they are met: past the last one, a held token is only copied over.
  let toRemove = removed.size;
  const items: IdentificationToken[] = [];
  for (const token of held.items) {
    if (toRemove > 0 && removed.has(token.id)) {
      toRemove -= 1;
      continue;
    }
    const next = changed.size > 0 ? changed.get(token.id) : undefined;
    if (next === undefined) {
      items.push(token);
      continue;
    }
    changed.delete(token.id);
    items.push(next);
  }
  items.push(...changed.values());
  return { ...whole, items, total: items.length };
}
