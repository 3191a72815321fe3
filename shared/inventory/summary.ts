import type { IdentificationToken } from '../api/tokens';
import { addDays, todayIn, type IsoDate, type TokenStatus } from '../domain/expiry';
import { REVIEW_FLAG_KEYS, reviewFlagCountText, reviewFlags, type ReviewFlag } from '../domain/review';
import type { RoleRights } from '../domain/rights';

/*
 * The numbers behind the review screen and its chart: tokens by status and by review flag
 * (as of `now`, not as of the snapshot), and how many tokens stop working on each of the
 * coming days.
 */

export const EXPIRY_TIMELINE_DAYS = 90;

export type SummarisableInventory = {
  tokens: readonly IdentificationToken[];
  roles: readonly { id: number; rights: RoleRights }[];
  timeZone: string;
};

export type FlagCount = { flag: ReviewFlag; count: number; text: string };
export type ExpiryDay = { date: IsoDate; count: number };

export type InventorySummary = {
  total: number;
  byStatus: Record<TokenStatus, number>;
  byFlag: Record<ReviewFlag, number>;
  /** Every flag with its count and its sentence ("7 tokens without IP restriction"). */
  flagCounts: FlagCount[];
  /** One entry per day from today (in the organisation's zone), zero days included. */
  expiryTimeline: ExpiryDay[];
};

/** The status the review flags imply (they come from the same expiry rule), without computing it twice. */
export function statusFromFlags(flags: readonly ReviewFlag[]): TokenStatus {
  if (flags.includes('expired')) return 'expired';
  return flags.includes('expiring_soon') ? 'expiring' : 'active';
}

/** The review flags of every token, by id: for the tags on each row and the flag filters. */
export function flagsByToken(inventory: SummarisableInventory, now: Date): Map<number, ReviewFlag[]> {
  const rights = new Map(inventory.roles.map((role) => [role.id, role.rights]));
  const out = new Map<number, ReviewFlag[]>();
  for (const token of inventory.tokens) {
    out.set(token.id, reviewFlags(token, rights.get(token.roleId) ?? null, now, inventory.timeZone));
  }
  return out;
}

export function summarizeInventory(
  inventory: SummarisableInventory,
  now: Date,
  days = EXPIRY_TIMELINE_DAYS,
): InventorySummary {
  const { timeZone } = inventory;
  const byStatus: Record<TokenStatus, number> = { active: 0, expiring: 0, expired: 0 };
  const byFlag = Object.fromEntries(REVIEW_FLAG_KEYS.map((flag) => [flag, 0])) as Record<ReviewFlag, number>;
  const today = todayIn(timeZone, now);
  const timeline: ExpiryDay[] = Array.from({ length: Math.max(0, days) }, (_, i) => ({ date: addDays(today, i), count: 0 }));
  // ISO dates compare as strings, so the day's index is a map lookup, not date arithmetic.
  const dayIndex = new Map(timeline.map((day, i) => [day.date, i]));
  const flags = flagsByToken(inventory, now);

  for (const token of inventory.tokens) {
    const tokenFlags = flags.get(token.id) ?? [];
    byStatus[statusFromFlags(tokenFlags)] += 1;
    for (const flag of tokenFlags) byFlag[flag] += 1;
    if (token.expiresOn !== null) {
      const index = dayIndex.get(token.expiresOn);
      if (index !== undefined) (timeline[index] as ExpiryDay).count += 1;
    }
  }
  return {
    total: inventory.tokens.length,
    byStatus,
    byFlag,
    flagCounts: REVIEW_FLAG_KEYS.map((flag) => ({ flag, count: byFlag[flag], text: reviewFlagCountText(flag, byFlag[flag]) })),
    expiryTimeline: timeline,
  };
}
