import { formatDisplayDateTime } from '../../../shared/domain';

/** What the list and the drawer say about a token whose old secret still works. */
export function rotatingText(validUntil: string, timeZone: string): string {
  return `rotating — old secret valid until ${formatDisplayDateTime(validUntil, timeZone)}`;
}

export const OVERLAP_LABELS: Readonly<Record<number, string>> = {
  0: 'None: the old secret stops now',
  1: '1 hour',
  24: '24 hours',
  168: '7 days',
};
