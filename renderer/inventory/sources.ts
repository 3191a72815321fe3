import { formatDisplayDateTime } from '../../shared/domain';
import type { SnapshotRef } from '../../shared/ipc/inventory-contract';

/** An inventory the review page can show, export or compare, as a Select value. */
export type SourceKey = 'live' | 'cached' | `opened:${string}`;

export const LIVE_LABEL = 'Live inventory';

export function cachedLabel(info: { takenAt: string; timeZone: string }): string {
  return `Offline copy (as of ${formatDisplayDateTime(info.takenAt, info.timeZone)})`;
}

export const openedKey = (id: string): SourceKey => `opened:${id}`;

export function openedIdOf(key: SourceKey): string | null {
  return key.startsWith('opened:') ? key.slice('opened:'.length) : null;
}

export function refOf(key: SourceKey, profileId: string): SnapshotRef {
  if (key === 'live') return { kind: 'live' };
  if (key === 'cached') return { kind: 'cached', profileId };
  return { kind: 'opened', id: openedIdOf(key) ?? '' };
}
