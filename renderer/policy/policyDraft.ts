import type { TokenPolicy, UpdateTokenPolicyRequest } from '../../shared/api/token-policy';
import { MAX_LIFETIME_DAYS_LIMIT } from '../../shared/domain';

/** The form: each limit switched on or off, with its number kept while it is off. */
export type PolicyDraft = {
  limitLifetime: boolean;
  maxLifetimeDays: number | null;
  requireWhitelist: boolean;
  limitIpv4: boolean;
  widestIpv4Prefix: number | null;
  limitIpv6: boolean;
  widestIpv6Prefix: number | null;
};

export function draftOf(policy: TokenPolicy): PolicyDraft {
  return {
    limitLifetime: policy.maxLifetimeDays !== null,
    maxLifetimeDays: policy.maxLifetimeDays ?? 90,
    requireWhitelist: policy.requireWhitelist,
    limitIpv4: policy.widestIpv4Prefix !== null,
    widestIpv4Prefix: policy.widestIpv4Prefix ?? 16,
    limitIpv6: policy.widestIpv6Prefix !== null,
    widestIpv6Prefix: policy.widestIpv6Prefix ?? 48,
  };
}

export type DraftCheck = { rules: UpdateTokenPolicyRequest | null; errors: Partial<Record<'maxLifetimeDays' | 'widestIpv4Prefix' | 'widestIpv6Prefix', string>> };

const whole = (value: number | null, min: number, max: number): boolean => value !== null && Number.isInteger(value) && value >= min && value <= max;

/** The rules to send, or what is wrong with the draft. */
export function checkDraft(draft: PolicyDraft): DraftCheck {
  const errors: DraftCheck['errors'] = {};
  if (draft.limitLifetime && !whole(draft.maxLifetimeDays, 1, MAX_LIFETIME_DAYS_LIMIT)) {
    errors.maxLifetimeDays = `Enter a whole number of days from 1 to ${MAX_LIFETIME_DAYS_LIMIT}.`;
  }
  if (draft.limitIpv4 && !whole(draft.widestIpv4Prefix, 0, 32)) errors.widestIpv4Prefix = 'Enter a prefix length from /0 to /32.';
  if (draft.limitIpv6 && !whole(draft.widestIpv6Prefix, 0, 128)) errors.widestIpv6Prefix = 'Enter a prefix length from /0 to /128.';
  if (Object.keys(errors).length > 0) return { rules: null, errors };
  return {
    rules: {
      maxLifetimeDays: draft.limitLifetime ? draft.maxLifetimeDays : null,
      requireWhitelist: draft.requireWhitelist,
      widestIpv4Prefix: draft.limitIpv4 ? draft.widestIpv4Prefix : null,
      widestIpv6Prefix: draft.limitIpv6 ? draft.widestIpv6Prefix : null,
    },
    errors,
  };
}
