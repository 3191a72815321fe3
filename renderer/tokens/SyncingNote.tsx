import { Alert } from 'antd';
import { formatDisplayDateTime } from '../../shared/domain';

export const SYNCING_REASON = 'The list is being brought up to date with the server; editing opens once it is.';

/** "As of 10:05" for a copy of today, "As of 01/03/2026 10:05" for an older one (organisation's zone). */
export function syncingText(takenAt: string, timeZone: string, now: Date = new Date()): string {
  const taken = formatDisplayDateTime(takenAt, timeZone);
  const today = formatDisplayDateTime(now, timeZone).slice(0, 10);
  return `As of ${taken.startsWith(today) ? taken.slice(11) : taken} — updating…`;
}

/** Above the list painted from the saved copy while the sync with the server is under way. */
export function SyncingNote({ snapshot }: { snapshot: { takenAt: string; timeZone: string } }) {
  return <Alert type="info" showIcon title={syncingText(snapshot.takenAt, snapshot.timeZone)} description={SYNCING_REASON} />;
}
