import type { AuditAction } from '../../shared/api/audit';
import { formatDisplayDate, parseDisplayDate } from '../../shared/domain';
import type { AuditFilter } from '../../shared/ipc/audit-contract';

/** The filter fields as typed: dates stay as typed (DD/MM/YYYY) until they parse. */
export type FilterDraft = {
  action: AuditAction | undefined;
  actor: string;
  tokenName: string;
  ip: string;
  from: string;
  to: string;
};

export const EMPTY_DRAFT: FilterDraft = { action: undefined, actor: '', tokenName: '', ip: '', from: '', to: '' };

export type DraftCheck = { ok: true; filter: AuditFilter } | { ok: false; errors: Partial<Record<'from' | 'to', string>> };

/** The filter the server gets, or what to fix first (a mistyped date never widens the search). */
export function checkDraft(draft: FilterDraft): DraftCheck {
  const errors: Partial<Record<'from' | 'to', string>> = {};
  const dates: Partial<Record<'from' | 'to', string>> = {};
  for (const field of ['from', 'to'] as const) {
    if (draft[field].trim() === '') continue;
    const parsed = parseDisplayDate(draft[field]);
    if (parsed.ok) dates[field] = parsed.value;
    else errors[field] = parsed.message;
  }
  if (dates.from !== undefined && dates.to !== undefined && dates.from > dates.to) {
    errors.to = `The last day comes before the first (${formatDisplayDate(dates.from)}).`;
  }
  if (errors.from !== undefined || errors.to !== undefined) return { ok: false, errors };
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const filter: AuditFilter = {};
  if (draft.action !== undefined) filter.action = draft.action;
  const actor = text(draft.actor);
  if (actor !== undefined) filter.actor = actor;
  const tokenName = text(draft.tokenName);
  if (tokenName !== undefined) filter.tokenName = tokenName;
  const ip = text(draft.ip);
  if (ip !== undefined) filter.ip = ip;
  if (dates.from !== undefined) filter.from = dates.from;
  if (dates.to !== undefined) filter.to = dates.to;
  return { ok: true, filter };
}
