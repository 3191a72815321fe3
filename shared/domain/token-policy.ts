import { z } from 'zod';
import { addDays, formatDisplayDate, todayIn, type IsoDate } from './expiry';
import { entryRange, mayBeWiderThan } from './whitelist';

/*
 * An organisation's token policy: limits every new or edited token must keep. One pure check
 * serves the server (it refuses with policy_violation), the drawers (they show the rule before
 * the admin hits it) and the review flags (an existing token that breaks a newer policy is
 * flagged, never changed).
 */

export const MAX_LIFETIME_DAYS_LIMIT = 3650;

export const tokenPolicyRulesSchema = z.object({
  /** Whole days from today (organisation's zone) to the last day a token works; null: no limit, no expiry required. */
  maxLifetimeDays: z.number().int().min(1).max(MAX_LIFETIME_DAYS_LIMIT).nullable(),
  requireWhitelist: z.boolean(),
  /** The shortest prefix an IPv4 range may have (16: nothing wider than /16); null: no limit. */
  widestIpv4Prefix: z.number().int().min(0).max(32).nullable(),
  widestIpv6Prefix: z.number().int().min(0).max(128).nullable(),
});
export type TokenPolicyRules = z.infer<typeof tokenPolicyRulesSchema>;

export const NO_TOKEN_POLICY: TokenPolicyRules = {
  maxLifetimeDays: null,
  requireWhitelist: false,
  widestIpv4Prefix: null,
  widestIpv6Prefix: null,
};

export type PolicyRule = 'max_lifetime' | 'whitelist_required' | 'widest_ipv4' | 'widest_ipv6';

export type PolicyBreach = {
  rule: PolicyRule;
  /** The field to fix, as the API names it: `expiresOn`, `whitelist` or `whitelist.<index>`. */
  field: string;
  message: string;
};

export type PolicyCheckedToken = { expiresOn: IsoDate | null; whitelist: readonly string[] };

const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

/** The rule's own words, as the settings page and every refusal name it. */
export function policyRuleText(rule: PolicyRule, policy: TokenPolicyRules): string {
  switch (rule) {
    case 'max_lifetime':
      return `Token policy: maximum lifetime ${days(policy.maxLifetimeDays ?? 0)}`;
    case 'whitelist_required':
      return 'Token policy: a whitelist is required';
    case 'widest_ipv4':
      return `Token policy: no IPv4 range wider than /${policy.widestIpv4Prefix ?? 0}`;
    case 'widest_ipv6':
      return `Token policy: no IPv6 range wider than /${policy.widestIpv6Prefix ?? 0}`;
  }
}

/** The latest expiry date the policy allows today, or null without a lifetime limit. */
export function latestAllowedExpiry(policy: TokenPolicyRules, now: Date, timeZone: string): IsoDate | null {
  return policy.maxLifetimeDays === null ? null : addDays(todayIn(timeZone, now), policy.maxLifetimeDays);
}

/** What the policy says in the drawer before anything is typed: one sentence per active rule. */
export function policyHints(policy: TokenPolicyRules, now: Date, timeZone: string): { expiry: string | null; whitelist: string | null } {
  const latest = latestAllowedExpiry(policy, now, timeZone);
  const expiry = latest === null
    ? null
    : `${policyRuleText('max_lifetime', policy)}: an expiry date is required, on or before ${formatDisplayDate(latest)}.`;
  const parts: string[] = [];
  if (policy.requireWhitelist) parts.push('at least one address or range is required');
  if (policy.widestIpv4Prefix !== null) parts.push(`IPv4 ranges /${policy.widestIpv4Prefix} or narrower`);
  if (policy.widestIpv6Prefix !== null) parts.push(`IPv6 ranges /${policy.widestIpv6Prefix} or narrower`);
  return { expiry, whitelist: parts.length === 0 ? null : `Token policy: ${parts.join('; ')}.` };
}

/**
 * Every rule the token breaks as of `now`, in rule order. Entries the whitelist rules cannot
 * parse are left to those rules. Lifetime is whole days in the organisation's zone.
 */
export function checkTokenPolicy(token: PolicyCheckedToken, policy: TokenPolicyRules, now: Date, timeZone: string): PolicyBreach[] {
  const breaches: PolicyBreach[] = [];
  walkPolicy(token, policy, now, timeZone, (breach) => breaches.push(breach));
  return breaches;
}

/**
 * Whether a stored token breaks the policy now (the "Breaks token policy" review flag). It
 * runs for every token of an inventory when it arrives: the walk stops at the first breach
 * and writes no message.
 */
export function breaksTokenPolicy(token: PolicyCheckedToken, policy: TokenPolicyRules | null, now: Date, timeZone: string): boolean {
  return policy !== null && walkPolicy(token, policy, now, timeZone, null);
}

/** The rules in order; each breach goes to `found`, or, without it, the first one ends the walk. */
function walkPolicy(
  token: PolicyCheckedToken,
  policy: TokenPolicyRules,
  now: Date,
  timeZone: string,
  found: ((breach: PolicyBreach) => void) | null,
): boolean {
  let broken = false;
  const latest = latestAllowedExpiry(policy, now, timeZone);
  if (latest !== null && (token.expiresOn === null || token.expiresOn > latest)) {
    if (found === null) return true;
    broken = true;
    const rule = policyRuleText('max_lifetime', policy);
    const message = token.expiresOn === null
      ? `${rule}: an expiry date is required, on or before ${formatDisplayDate(latest)}.`
      : `${rule}: choose an expiry date on or before ${formatDisplayDate(latest)}.`;
    found({ rule: 'max_lifetime', field: 'expiresOn', message });
  }
  if (policy.requireWhitelist && token.whitelist.length === 0) {
    if (found === null) return true;
    broken = true;
    found({ rule: 'whitelist_required', field: 'whitelist', message: `${policyRuleText('whitelist_required', policy)}: add at least one address or range.` });
  }
  if (policy.widestIpv4Prefix === null && policy.widestIpv6Prefix === null) return broken;
  for (let index = 0; index < token.whitelist.length; index++) {
    const entry = token.whitelist[index] as string;
    if (!mayBeWiderThan(entry, policy.widestIpv4Prefix, policy.widestIpv6Prefix)) continue;
    const range = entryRange(entry);
    if (range === null) continue;
    const widest = range.space === 'v4' ? policy.widestIpv4Prefix : policy.widestIpv6Prefix;
    if (widest === null || range.prefix >= widest) continue;
    if (found === null) return true;
    broken = true;
    const rule: PolicyRule = range.space === 'v4' ? 'widest_ipv4' : 'widest_ipv6';
    found({ rule, field: `whitelist.${index}`, message: `${policyRuleText(rule, policy)}: ${entry} is /${range.prefix}.` });
  }
  return broken;
}
