import { formatDisplayDateTime } from '../../../shared/domain';

/** "Offline — inventory as of 01/03/2026 10:05", in the organisation's zone of the snapshot. */
export function offlineBannerText(snapshot: { takenAt: string; timeZone: string }): string {
  return `Offline — inventory as of ${formatDisplayDateTime(snapshot.takenAt, snapshot.timeZone)}`;
}

export const NO_OFFLINE_COPY =
  'No offline copy of this inventory has been saved yet: one is saved each time the token list loads completely while the server answers.';
