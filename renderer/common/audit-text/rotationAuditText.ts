import type { AuditEvent } from '../../../shared/api/audit';
import { formatDisplayDateTime } from '../../../shared/domain';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Audit sentences of secret rotation and leaked-secret revocation (hints only, never secrets). */
export function rotationSentences(event: AuditEvent): string[] {
  const from = event.ip ? ` from ${event.ip}` : '';
  switch (event.action) {
    case 'token.rotated': {
      const [oldHint, newHint] = event.changes?.secret ?? [];
      const until = text(event.changes?.oldSecretValidUntil?.[1]);
      const overlap = until === null ? 'the old secret was refused at once' : `the old secret stays valid until ${formatDisplayDateTime(until, 'UTC')} UTC`;
      return [`Secret rotated from ${text(oldHint) ?? '?'}… to ${text(newHint) ?? '?'}…: ${overlap}.`];
    }
    case 'token.overlap_ended':
      return [`Overlap ended: the old secret${event.reason ? ` (${event.reason.replace(/^old secret /, '')}…)` : ''} is refused from now on.`];
    case 'token.secret_used':
      return [`Called${from} with the ${event.reason ?? 'secret'}… during the rotation overlap.`];
    case 'token.revoked':
      return [`Revoked${from} because the secret was reported leaked${event.reason ? ` (${event.reason})` : ''}.`];
    default:
      return [];
  }
}
