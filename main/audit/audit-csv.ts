import type { AuditEvent } from '../../shared/api/audit';
import { formatDisplayDateTime } from '../../shared/domain';
import { BYTE_ORDER_MARK, csvRow } from '../../shared/inventory/csv';

const HEADER = ['Time', 'Time (UTC)', 'Action', 'Actor', 'Actor type', 'Token', 'Token id', 'Address', 'Reason', 'Changes'];

function value(raw: unknown): string {
  if (raw === null || raw === undefined || raw === '') return 'none';
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) return raw.length === 0 ? 'none' : raw.map(value).join(' ');
  return JSON.stringify(raw);
}

/** field: old → new, for each change the event records. */
export function changesText(event: Pick<AuditEvent, 'changes'>): string {
  return Object.entries(event.changes ?? {})
    .map(([field, [before, after]]) => `${field}: ${value(before)} → ${value(after)}`)
    .join('; ');
}

/**
 * The filtered events as CSV, one row each, through the inventory export's field writer: a
 * cell a spreadsheet would run as a formula (a token named "=HYPERLINK(…)") is neutralised.
 */
export function* auditCsvChunks(events: readonly AuditEvent[], timeZone: string): Generator<string> {
  yield BYTE_ORDER_MARK + csvRow(HEADER);
  for (const event of events) {
    yield csvRow([
      formatDisplayDateTime(event.at, timeZone),
      event.at,
      event.action,
      event.actor.name,
      event.actor.type,
      event.tokenName ?? event.role?.name ?? '',
      event.tokenId === null ? '' : String(event.tokenId),
      event.ip ?? '',
      event.reason ?? '',
      changesText(event),
    ]);
  }
}
