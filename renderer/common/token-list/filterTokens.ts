import type { IdentificationToken } from '../../../shared/api/tokens';
import { compareTokenNames, ownerKey, tokenNameKey, type ReviewFlag } from '../../../shared/domain';
import { NO_FLAGS, type FlagMap } from '../review-flags/reviewFlagsMemo';
import type { ListPrefs } from './listPrefs';

type Criteria = Pick<ListPrefs, 'search' | 'status' | 'roleId' | 'sort' | 'order'> & Partial<Pick<ListPrefs, 'reviewFlag'>>;

/** Requests of the last 30 days by token id; null while unknown (offline, not loaded). */
export type RequestCounts = ReadonlyMap<number, number> | null;

/** The review flags of a token (computed once per token by the caller). */
export type FlagsOf = (token: IdentificationToken) => readonly ReviewFlag[];


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
 * The list's order, total: ties (names equal to compareTokenNames, equal dates) fall back on the id,
 * so a list sorted whole and one brought up to date token by token (resortTokens) agree.
 */
export function tokenOrder({ sort, order: direction }: Order, requests: RequestCounts = null): Compare {
  const order = direction === 'asc' ? 1 : -1;
  const byName = (a: IdentificationToken, b: IdentificationToken): number => compareTokenNames(a.name, b.name) || a.id - b.id;
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

// The criteria other than the search, as one test; null when none applies.
function otherCriteria(criteria: Filter, flagsOf: FlagsOf | undefined, expiring: ExpiringWithin | null): ((token: IdentificationToken) => boolean) | null {
  const { status, roleId } = criteria;
  const flag = flagsOf === undefined ? null : (criteria.reviewFlag ?? null);
  if (status === null && roleId === null && flag === null && expiring === null) return null;
  return (token) =>
    (status === null || token.status === status) &&
    (roleId === null || token.roleId === roleId) &&
    (flag === null || flagsOf === undefined || flagsOf(token).includes(flag)) &&
    (expiring === null || expiring(token));
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
  const other = otherCriteria(criteria, flagsOf, expiring);
  if (needle === '' && other === null) return [...sorted];
  return sorted.filter((token) => (needle === '' || searchKeyOf(token).includes(needle)) && (other === null || other(token)));
}

// Searches remembered per list: enough for typing on and deleting back.
const ANSWERS_KEPT = 16;

type Others = Pick<Filter, 'status' | 'roleId' | 'reviewFlag'> & { flags: FlagMap | undefined; expiring: ExpiringWithin | null };
const sameOthers = (a: Others, b: Others): boolean =>
  a.status === b.status && a.roleId === b.roleId && (a.reviewFlag ?? null) === (b.reviewFlag ?? null) && a.flags === b.flags && a.expiring === b.expiring;

/**
 * filterTokens for a list that Search is typed over: the list's keys are laid out once, in an
 * array beside it, and the answers since the list and the other filters last changed are kept
 * by search. A keystroke that adds to the search narrows the narrowest answer it extends
 * instead of scanning the whole list again; Backspace finds the answer it had. The answers are
 * what filterTokens gives, the same array for the same search.
 */
export class ListFilter {
  private list: readonly IdentificationToken[] | null = null;
  private keys: string[] | null = null;
  private others: Others | null = null;
  // By folded search, least recently used first.
  private readonly answers = new Map<string, IdentificationToken[]>();

  filter(sorted: readonly IdentificationToken[], criteria: Filter, flags?: FlagMap, expiring: ExpiringWithin | null = null): IdentificationToken[] {
    const others: Others = { status: criteria.status, roleId: criteria.roleId, reviewFlag: criteria.reviewFlag ?? null, flags, expiring };
    if (sorted !== this.list || this.others === null || !sameOthers(this.others, others)) {
      if (sorted !== this.list) this.keys = null;
      this.list = sorted;
      this.others = others;
      this.answers.clear();
    }
    const needle = tokenNameKey(criteria.search);
    const known = this.answers.get(needle);
    if (known !== undefined) {
      this.answers.delete(needle);
      this.answers.set(needle, known);
      return known;
    }
    let narrowest: IdentificationToken[] | null = null;
    for (const [search, rows] of this.answers) if (needle.includes(search) && (narrowest === null || rows.length < narrowest.length)) narrowest = rows;
    // A known answer already passed the other filters: only the longer search is left to test.
    const rows = narrowest !== null ? narrowest.filter((token) => searchKeyOf(token).includes(needle)) : this.scan(sorted, needle, criteria, flags, expiring);
    this.answers.set(needle, rows);
    if (this.answers.size > ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value as string);
    return rows;
  }

  private scan(sorted: readonly IdentificationToken[], needle: string, criteria: Filter, flags: FlagMap | undefined, expiring: ExpiringWithin | null): IdentificationToken[] {
    const other = otherCriteria(criteria, flags === undefined ? undefined : (token) => flags.get(token.id) ?? NO_FLAGS, expiring);
    if (needle === '') return other === null ? [...sorted] : sorted.filter(other);
    this.keys ??= sorted.map(searchKeyOf);
    const keys = this.keys;
    const out: IdentificationToken[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const token = sorted[i] as IdentificationToken;
      if ((keys[i] as string).includes(needle) && (other === null || other(token))) out.push(token);
    }
    return out;
  }
}
