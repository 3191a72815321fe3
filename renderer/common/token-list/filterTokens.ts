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

export function filterAndSortTokens(
  tokens: readonly IdentificationToken[],
  criteria: Criteria,
  flagsOf?: FlagsOf,
  requests: RequestCounts = null,
): IdentificationToken[] {
  const needle = tokenNameKey(criteria.search);
  const flag = criteria.reviewFlag ?? null;
  const matching = tokens.filter(
    (token) =>
      (needle === '' || searchKeyOf(token).includes(needle)) &&
      (criteria.status === null || token.status === criteria.status) &&
      (criteria.roleId === null || token.roleId === criteria.roleId) &&
      (flag === null || flagsOf === undefined || flagsOf(token).includes(flag)),
  );
  const order = criteria.order === 'asc' ? 1 : -1;
  const byName = (a: IdentificationToken, b: IdentificationToken): number => collator.compare(a.name, b.name);
  switch (criteria.sort) {
    case 'name':
      return matching.sort((a, b) => byName(a, b) * order);
    case 'expiresOn':
      return matching.sort((a, b) => compareNullable(a.expiresOn, b.expiresOn, order) || byName(a, b));
    case 'lastUsedAt':
      return matching.sort((a, b) => compareNullable(a.lastUsedAt, b.lastUsedAt, order) || byName(a, b));
    case 'requests': {
      // A token absent from the totals had no requests; unknown counts (no totals) keep name order.
      const count = (token: IdentificationToken) => (requests === null ? 0 : (requests.get(token.id) ?? 0));
      return matching.sort((a, b) => (count(a) - count(b)) * order || byName(a, b));
    }
  }
}
