import type { IdentificationToken } from '../../../shared/api/tokens';
import { tokenNameKey, type ReviewFlag } from '../../../shared/domain';
import type { ListPrefs } from './listPrefs';

type Criteria = Pick<ListPrefs, 'search' | 'status' | 'roleId' | 'sort' | 'order'> & Partial<Pick<ListPrefs, 'reviewFlag'>>;

/** The review flags of a token (computed once per token by the caller). */
export type FlagsOf = (token: IdentificationToken) => readonly ReviewFlag[];

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

// Tokens are replaced, never mutated, so a name's key can be kept for as long as its token
// lives: typing in the search box then costs one substring test per token.
const nameKeys = new WeakMap<IdentificationToken, string>();
function nameKeyOf(token: IdentificationToken): string {
  let key = nameKeys.get(token);
  if (key === undefined) {
    key = tokenNameKey(token.name);
    nameKeys.set(token, key);
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
type Order = Pick<Criteria, 'sort' | 'order'>;

/** The tokens in the list's order: once per arrival or change of sort, not per keystroke. */
export function sortTokens(tokens: readonly IdentificationToken[], { sort, order: direction }: Order): IdentificationToken[] {
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
  }
}

/**
 * The tokens that match, in the order given: one pass over keys prepared once per token (the
 * lower-cased name, the flags), so a keystroke costs a substring test per token.
 */
export function filterTokens(sorted: readonly IdentificationToken[], criteria: Filter, flagsOf?: FlagsOf): IdentificationToken[] {
  const needle = tokenNameKey(criteria.search);
  const flag = criteria.reviewFlag ?? null;
  if (needle === '' && criteria.status === null && criteria.roleId === null && (flag === null || flagsOf === undefined)) return [...sorted];
  const out: IdentificationToken[] = [];
  for (const token of sorted) {
    if (needle !== '' && !nameKeyOf(token).includes(needle)) continue;
    if (criteria.status !== null && token.status !== criteria.status) continue;
    if (criteria.roleId !== null && token.roleId !== criteria.roleId) continue;
    if (flag !== null && flagsOf !== undefined && !flagsOf(token).includes(flag)) continue;
    out.push(token);
  }
  return out;
}

export function filterAndSortTokens(tokens: readonly IdentificationToken[], criteria: Criteria, flagsOf?: FlagsOf): IdentificationToken[] {
  return filterTokens(sortTokens(tokens, criteria), criteria, flagsOf);
}
