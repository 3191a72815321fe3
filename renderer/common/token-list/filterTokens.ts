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

/** The tokens in the list's order: once per arrival or change of sort, not per keystroke. */
export function sortTokens(tokens: readonly IdentificationToken[], { sort, order: direction }: Order, requests: RequestCounts = null): IdentificationToken[] {
  const order = direction === 'asc' ? 1 : -1;
  const byName = (a: IdentificationToken, b: IdentificationToken): number => collator.compare(a.name, b.name);
  const copy = [...tokens];
  switch (sort) {
    case 'name':
      return copy.sort((a, b) => byName(a, b) * order);
    case 'expiresOn':
      return copy.sort((a, b) => compareNullable(a.expiresOn, b.expiresOn, order) || byName(a, b));
    case 'lastUsedAt':
      return copy.sort((a, b) => compareNullable(a.lastUsedAt, b.lastUsedAt, order) || byName(a, b));
    case 'requests': {
      // A token absent from the totals had no requests; unknown counts (no totals) keep name order.
      const count = (token: IdentificationToken) => (requests === null ? 0 : (requests.get(token.id) ?? 0));
      return copy.sort((a, b) => (count(a) - count(b)) * order || byName(a, b));
    }
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
