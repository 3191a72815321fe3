import type { IdentificationToken } from '../../../shared/api/tokens';
import { formatDisplayDateTime } from '../../../shared/domain';

/** Whether the old secret of a rotation still works now. */
export function overlapRunning(token: IdentificationToken, now = Date.now()): boolean {
  return token.previousSecret != null && Date.parse(token.previousSecret.validUntil) > now;
}

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
