import type { IdentificationToken } from '../../../shared/api/tokens';
import { ownerKey, tokenNameKey, type ReviewFlag } from '../../../shared/domain';
import type { ListPrefs } from './listPrefs';

type Criteria = Pick<ListPrefs, 'search' | 'status' | 'roleId' | 'sort' | 'order'> & Partial<Pick<ListPrefs, 'reviewFlag'>>;

/** Requests of the last 30 days by token id; null while unknown (offline, not loaded). */
export type RequestCounts = ReadonlyMap<number, number> | null;

/** The review flags of a token (computed once per token by the caller). */
export type FlagsOf = (token: IdentificationToken) => readonly ReviewFlag[];

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

// Tokens are replaced, never mutated, so a token's search key (its name and owner, folded)
// can be kept for as long as it lives: typing in the search box then costs one substring test
// per token. A newline separates them, so a search never matches across the two.
const searchKeys = new WeakMap<IdentificationToken, string>();
function searchKeyOf(token: IdentificationToken): string {
  let key = searchKeys.get(token);
  if (key === undefined) {
    key = token.owner ? `${tokenNameKey(token.name)}\n${ownerKey(token.owner)}` : tokenNameKey(token.name);
    searchKeys.set(token, key);
  }
  return key;
}

// Blank values sort last whichever the direction: a token that never expires or was never
// used is not "earliest" or "latest".
function compareNullable(a: string | null, b: string | null, order: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * order;
}

type Filter = Pick<Criteria, 'search' | 'status' | 'roleId' | 'reviewFlag'>;

/** Whether a token expires within the chosen horizon (see shared/domain expiresWithin). */
export type ExpiringWithin = (token: IdentificationToken) => boolean;
type Order = Pick<Criteria, 'sort' | 'order'>;

type Compare = (a: IdentificationToken, b: IdentificationToken) => number;

/**
 * The list's order, total: ties (equal names to the collator, equal dates) fall back on the id,
 * so a list sorted whole and one brought up to date token by token (resortTokens) agree.
 */
export function tokenOrder({ sort, order: direction }: Order, requests: RequestCounts = null): Compare {
  const order = direction === 'asc' ? 1 : -1;
  const byName = (a: IdentificationToken, b: IdentificationToken): number => collator.compare(a.name, b.name) || a.id - b.id;
  switch (sort) {
    case 'name':
      return (a, b) => byName(a, b) * order;
    case 'expiresOn':
      return (a, b) => compareNullable(a.expiresOn, b.expiresOn, order) || byName(a, b);
    case 'lastUsedAt':
      return (a, b) => compareNullable(a.lastUsedAt, b.lastUsedAt, order) || byName(a, b);
    case 'requests': {
      // A token absent from the totals had no requests; unknown counts (no totals) keep name order.
      const count = (token: IdentificationToken) => (requests === null ? 0 : (requests.get(token.id) ?? 0));
      return (a, b) => (count(a) - count(b)) * order || byName(a, b);
    }
  }
}

/** The tokens in the list's order: once per arrival or change of sort, not per keystroke. */
export function sortTokens(tokens: readonly IdentificationToken[], compare: Compare): IdentificationToken[] {
  return [...tokens].sort(compare);
}

// Past this share of new tokens, sorting the list whole is as cheap.
const RESORT_SHARE = 0.1;

/**
 * `tokens` in the order `sorted` (an earlier list, sorted with `compare`) was put in: the
 * tokens kept stay where they were, the new ones (a sync's changes arrive as new objects) are
 * placed by binary search. A sync of 100 changes on 100,000 tokens compares about 2,000 pairs
 * instead of sorting 100,000 names again.
 */
export function resortTokens(sorted: readonly IdentificationToken[], tokens: readonly IdentificationToken[], compare: Compare): IdentificationToken[] {
  // What is left of `tokens` once the kept ones are taken out is what was added: one set, not two.
  const unseen = new Set(tokens);
  const kept = sorted.filter((token) => unseen.delete(token));
  if (kept.length === tokens.length) return kept;
  if (unseen.size > tokens.length * RESORT_SHARE) return sortTokens(tokens, compare);
  const added = [...unseen].sort(compare);
  const out: IdentificationToken[] = [];
  let from = 0;
  for (const token of added) {
    // The first kept token that sorts after this one, from where the last one went.
    let low = from;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(kept[middle] as IdentificationToken, token) < 0) low = middle + 1;
      else high = middle;
    }
    for (; from < low; from++) out.push(kept[from] as IdentificationToken);
    out.push(token);
  }
  for (; from < kept.length; from++) out.push(kept[from] as IdentificationToken);
  return out;
}

/**
 * The last order worked out, so the next list (a sync's, with a few tokens changed) is brought
 * up to date with resortTokens instead of sorted whole; a new order sorts whole.
 */
export class ListOrder {
  private last: { compare: Compare; sorted: IdentificationToken[] } | null = null;

  sort(tokens: readonly IdentificationToken[], compare: Compare): IdentificationToken[] {
    const sorted = this.last !== null && this.last.compare === compare ? resortTokens(this.last.sorted, tokens, compare) : sortTokens(tokens, compare);
    this.last = { compare, sorted };
    return sorted;
  }
}

/**
 * The tokens that match, in the order given: one pass over keys prepared once per token (the
 * folded name and owner, the flags), so a keystroke costs a substring test per token.
 */
export function filterTokens(
  sorted: readonly IdentificationToken[],
  criteria: Filter,
  flagsOf?: FlagsOf,
  expiring: ExpiringWithin | null = null,
): IdentificationToken[] {
  const needle = tokenNameKey(criteria.search);
  const flag = criteria.reviewFlag ?? null;
  if (needle === '' && criteria.status === null && criteria.roleId === null && (flag === null || flagsOf === undefined) && expiring === null)
    return [...sorted];
  const out: IdentificationToken[] = [];
  for (const token of sorted) {
    if (needle !== '' && !searchKeyOf(token).includes(needle)) continue;
    if (criteria.status !== null && token.status !== criteria.status) continue;
    if (criteria.roleId !== null && token.roleId !== criteria.roleId) continue;
    if (flag !== null && flagsOf !== undefined && !flagsOf(token).includes(flag)) continue;
    if (expiring !== null && !expiring(token)) continue;
    out.push(token);
  }
  return out;
}
