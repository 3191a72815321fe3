import { EXPIRING_SOON_DAYS, tokenStatus, type IsoDate } from './expiry';
import type { RoleRights } from './rights';
import { hasPrivilegedManageRights } from './roles';
import { breaksTokenPolicy, type TokenPolicyRules } from './token-policy';
import { isWideRange } from './whitelist';
import { z } from 'zod';

export const REVIEW_FLAG_KEYS = [
  'no_ip_restriction',
  'allows_every_address',
  'no_expiry',
  'expiring_soon',
  'expired',
  'unused',
  'privileged_role',
  'no_owner',
  'breaks_policy',
] as const;
export type ReviewFlag = (typeof REVIEW_FLAG_KEYS)[number];
export const reviewFlagSchema = z.enum(REVIEW_FLAG_KEYS);

export const UNUSED_AFTER_DAYS = 90;

type FlagInfo = { label: string; description: string; count: (n: number, noun: string) => string };

const tokens = (n: number): string => (n === 1 ? 'token' : 'tokens');

export const REVIEW_FLAGS: Readonly<Record<ReviewFlag, FlagInfo>> = {
  no_ip_restriction: {
    label: 'No IP restriction',
    description: 'The whitelist is empty, so the token works from any address.',
    count: (n, noun) => `${n} ${noun} without IP restriction`,
  },
  allows_every_address: {
    label: 'Allows every address',
    description: 'The whitelist holds 0.0.0.0/0, ::/0 or an IPv4 range wider than /8.',
    count: (n, noun) => `${n} ${noun} allowing every address or a very wide range`,
  },
  no_expiry: {
    label: 'No expiry',
    description: 'The token has no expiry date and works until it is deleted.',
    count: (n, noun) => `${n} ${noun} without expiry date`,
  },
  expiring_soon: {
    label: 'Expiring soon',
    description: `The token stops working within ${EXPIRING_SOON_DAYS} days.`,
    count: (n, noun) => `${n} ${noun} expiring within ${EXPIRING_SOON_DAYS} days`,
  },
  expired: {
    label: 'Expired',
    description: 'The expiry date has passed; the token is refused.',
    count: (n, noun) => `${n} expired ${noun}`,
  },
  unused: {
    label: 'Unused',
    description: `Not used for ${UNUSED_AFTER_DAYS} days, or never used since it was created ${UNUSED_AFTER_DAYS} or more days ago.`,
    count: (n, noun) => `${n} ${noun} unused for ${UNUSED_AFTER_DAYS} days`,
  },
  privileged_role: {
    label: 'Privileged role',
    description: 'The role has manage rights on Security, Roles or Employees.',
    count: (n, noun) => `${n} ${noun} with a privileged role`,
  },
  no_owner: {
    label: 'No owner',
    description: 'Nobody is named as the token\'s owner (an email address or a team).',
    count: (n, noun) => `${n} ${noun} without owner`,
  },
  breaks_policy: {
    label: 'Breaks token policy',
    description: 'The token breaks the current token policy (lifetime, whitelist or range width); it keeps working until someone changes it.',
    count: (n, noun) => `${n} ${noun} breaking the token policy`,
  },
};

/** "7 tokens without IP restriction", "1 expired token". */
export function reviewFlagCountText(flag: ReviewFlag, n: number): string {
  return REVIEW_FLAGS[flag].count(n, tokens(n));
}

export type ReviewedToken = {
  expiresOn: IsoDate | null;
  whitelist: readonly string[];
  /** ISO 8601 instant, or null when never used. */
  lastUsedAt: string | null;
  /** ISO 8601 instant. */
  createdAt: string;
  /** Absent where the source predates owners (an older server or snapshot): not flagged then. */
  owner?: string | null;
};

const DAY_MS = 86_400_000;

/*
 * "Not used for 90 days or never used": a token is unused when its last use, or its creation
 * when it was never used, lies 90 × 24 hours or more before now. A token created yesterday and
 * not used yet is not flagged: nobody could have used it, and flagging every new token would
 * bury the ones that matter.
 */
function isUnused(token: ReviewedToken, now: Date): boolean {
  const reference = Date.parse(token.lastUsedAt ?? token.createdAt);
  if (Number.isNaN(reference)) return token.lastUsedAt === null;
  return now.getTime() - reference >= UNUSED_AFTER_DAYS * DAY_MS;
}

/** The review flags of one token, in REVIEW_FLAG_KEYS order. */
export function reviewFlags(
  token: ReviewedToken,
  rights: RoleRights | null,
  now: Date,
  timeZone: string,
  policy: TokenPolicyRules | null = null,
): ReviewFlag[] {
  const flags = new Set<ReviewFlag>();
  if (token.whitelist.length === 0) flags.add('no_ip_restriction');
  // A wide range includes one allowing every address (/0).
  if (token.whitelist.some(isWideRange)) flags.add('allows_every_address');
  if (token.expiresOn === null) flags.add('no_expiry');
  const status = tokenStatus(token.expiresOn, now, timeZone);
  if (status === 'expiring') flags.add('expiring_soon');
  if (status === 'expired') flags.add('expired');
  if (isUnused(token, now)) flags.add('unused');
  if (rights !== null && hasPrivilegedManageRights(rights)) flags.add('privileged_role');
  if (token.owner === null) flags.add('no_owner');
  if (breaksTokenPolicy(token, policy, now, timeZone)) flags.add('breaks_policy');
  return REVIEW_FLAG_KEYS.filter((flag) => flags.has(flag));
}

/** Counts per flag over many tokens (every flag present, zero included). */
export function countReviewFlags(flagLists: Iterable<readonly ReviewFlag[]>): Record<ReviewFlag, number> {
  const counts = Object.fromEntries(REVIEW_FLAG_KEYS.map((flag) => [flag, 0])) as Record<ReviewFlag, number>;
  for (const list of flagLists) for (const flag of list) counts[flag] += 1;
  return counts;
}
