import type { BulkItemResult, BulkOutcome } from '../../../shared/ipc/bulk-contract';

export type BulkKind = 'delete' | 'expiry' | 'role';

// Names shown in a confirmation before "and N more".
export const NAMES_LISTED = 5;
// Above this many tokens, a delete asks for the number to be typed.
export const TYPE_TO_CONFIRM_ABOVE = 10;

export const tokensText = (n: number): string => `${n} ${n === 1 ? 'token' : 'tokens'}`;

export function firstNames(names: readonly string[], shown = NAMES_LISTED): string {
  const listed = names.slice(0, shown).map((name) => `“${name}”`).join(', ');
  return names.length > shown ? `${listed} and ${names.length - shown} more` : listed;
}

// What a failed token's line starts with, before main's own sentence.
export const OUTCOME_LABEL: Readonly<Record<Exclude<BulkOutcome, 'ok'>, string>> = {
  precondition_failed: 'Changed meanwhile (412)',
  forbidden: 'Not allowed (403)',
  not_found: 'Already gone',
  failed: 'Failed',
};

const DONE: Readonly<Record<BulkKind, string>> = { delete: 'Deleted', expiry: 'Expiry changed for', role: 'Role changed for' };

export function resultTitle(kind: BulkKind, results: readonly BulkItemResult[]): string {
  const done = results.filter((result) => result.outcome === 'ok').length;
  return done === results.length ? `${DONE[kind]} ${tokensText(done)}.` : `${DONE[kind]} ${done} of ${tokensText(results.length)}: ${results.length - done} not done.`;
}
