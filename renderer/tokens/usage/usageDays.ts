import type { TokenUsage, UsageDay } from '../../../shared/api/usage';
import { addDays, formatDisplayDate } from '../../../shared/domain';

/** Every day of the period, days without requests as zeros, oldest first. */
export function fillDays(usage: Pick<TokenUsage, 'from' | 'to' | 'days'>): UsageDay[] {
  const known = new Map(usage.days.map((day) => [day.day, day]));
  const out: UsageDay[] = [];
  for (let day = usage.from; day <= usage.to; day = addDays(day, 1)) out.push(known.get(day) ?? { day, accepted: 0, refused: 0 });
  return out;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "205 requests over 30 days (200 accepted, 5 refused); busiest 02/12/2026 (205)." */
export function usageSummary(days: readonly UsageDay[]): string {
  const accepted = days.reduce((sum, day) => sum + day.accepted, 0);
  const refused = days.reduce((sum, day) => sum + day.refused, 0);
  if (accepted + refused === 0) return `No requests over the last ${days.length} days.`;
  const busiest = days.reduce((best, day) => (day.accepted + day.refused > best.accepted + best.refused ? day : best));
  return `${count(accepted + refused, 'request', 'requests')} over the last ${days.length} days (${accepted.toLocaleString('en-GB')} accepted, ${refused.toLocaleString('en-GB')} refused); busiest day ${formatDisplayDate(busiest.day)} (${(busiest.accepted + busiest.refused).toLocaleString('en-GB')}).`;
}

export function dayLabel(day: UsageDay): string {
  return `${formatDisplayDate(day.day)}: ${day.accepted} accepted, ${day.refused} refused`;
}
