import { describe, expect, it } from 'vitest';
import {
  REVIEW_FLAGS,
  REVIEW_FLAG_KEYS,
  UNUSED_AFTER_DAYS,
  countReviewFlags,
  reviewFlagCountText,
  reviewFlagSchema,
  reviewFlags,
  type ReviewedToken,
  type RoleRights,
} from '../../../shared/domain';

const now = new Date('2026-06-15T12:00:00Z');
const clean: ReviewedToken = {
  expiresOn: '2026-12-31',
  whitelist: ['203.0.113.0/24'],
  lastUsedAt: '2026-06-14T08:00:00Z',
  createdAt: '2026-01-10T09:00:00Z',
};
const readOnly: RoleRights = { clients: { view: 'all', manage: [] } };
const flags = (token: Partial<ReviewedToken>, rights: RoleRights | null = readOnly, zone = 'UTC') =>
  reviewFlags({ ...clean, ...token }, rights, now, zone);

describe('reviewFlags', () => {
  it('raises nothing for a well-kept token', () => {
    expect(flags({})).toEqual([]);
  });

  it('flags an empty whitelist', () => {
    expect(flags({ whitelist: [] })).toEqual(['no_ip_restriction']);
  });

  it('flags whitelists that allow every address or a range wider than /8', () => {
    expect(flags({ whitelist: ['0.0.0.0/0'] })).toEqual(['allows_every_address']);
    expect(flags({ whitelist: ['2001:db8::/32', '::/0'] })).toEqual(['allows_every_address']);
    expect(flags({ whitelist: ['::ffff:0:0/96'] })).toEqual(['allows_every_address']);
    expect(flags({ whitelist: ['10.0.0.0/7'] })).toEqual(['allows_every_address']);
    expect(flags({ whitelist: ['10.0.0.0/8'] })).toEqual([]);
  });

  it('flags a missing expiry date', () => {
    expect(flags({ expiresOn: null })).toEqual(['no_expiry']);
  });

  it('flags tokens expiring within 7 days and expired ones', () => {
    expect(flags({ expiresOn: '2026-06-21' })).toEqual(['expiring_soon']);
    expect(flags({ expiresOn: '2026-06-22' })).toEqual([]);
    expect(flags({ expiresOn: '2026-06-15' })).toEqual(['expiring_soon']);
    expect(flags({ expiresOn: '2026-06-14' })).toEqual(['expired']);
    // 12:00 UTC on 15/06 is already 16/06 in Kiritimati (+14): the token expired there.
    expect(flags({ expiresOn: '2026-06-15' }, readOnly, 'Pacific/Kiritimati')).toEqual(['expired']);
  });

  it('flags tokens not used for 90 days', () => {
    expect(UNUSED_AFTER_DAYS).toBe(90);
    expect(flags({ lastUsedAt: '2026-03-17T12:00:00Z' })).toEqual(['unused']);
    expect(flags({ lastUsedAt: '2026-03-17T12:00:00.001Z' })).toEqual([]);
  });

  it('flags never-used tokens once they are 90 days old, not before', () => {
    expect(flags({ lastUsedAt: null, createdAt: '2026-03-17T12:00:00Z' })).toEqual(['unused']);
    expect(flags({ lastUsedAt: null, createdAt: '2026-06-14T12:00:00Z' })).toEqual([]);
    expect(flags({ lastUsedAt: null, createdAt: 'not a date' })).toEqual(['unused']);
  });

  it('flags roles with manage rights on Security, Roles or Employees', () => {
    expect(flags({}, { security: { view: 'all', manage: ['create_edit'] } })).toEqual(['privileged_role']);
    expect(flags({}, { employees: { view: 'none', manage: ['delete'] } })).toEqual(['privileged_role']);
    expect(flags({}, { security: { view: 'all', manage: [] } })).toEqual([]);
    expect(flags({}, null)).toEqual([]);
  });

  it('returns several flags in a fixed order', () => {
    const result = flags({ whitelist: [], expiresOn: null, lastUsedAt: null, createdAt: '2025-01-01T00:00:00Z' }, { roles: { view: 'all', manage: ['manage_all'] } });
    expect(result).toEqual(['no_ip_restriction', 'no_expiry', 'unused', 'privileged_role']);
    const expired = flags({ whitelist: ['0.0.0.0/0'], expiresOn: '2026-01-01', lastUsedAt: '2025-12-31T00:00:00Z' });
    expect(expired).toEqual(['allows_every_address', 'expired', 'unused']);
  });

  it('flags a token without owner, but not one from a source that predates owners', () => {
    expect(flags({ owner: null })).toEqual(['no_owner']);
    expect(flags({ owner: 'Payments team' })).toEqual([]);
    expect(flags({})).toEqual([]);
  });

  it('flags a token that breaks the current token policy, and only with a policy', () => {
    const policy = { maxLifetimeDays: 30, requireWhitelist: false, widestIpv4Prefix: 16, widestIpv6Prefix: null };
    const withPolicy = (token: Partial<ReviewedToken>) => reviewFlags({ ...clean, ...token }, readOnly, now, 'UTC', policy);
    expect(withPolicy({ expiresOn: '2026-07-15' })).toEqual([]);
    expect(withPolicy({ expiresOn: '2026-07-16' })).toEqual(['breaks_policy']);
    expect(withPolicy({ expiresOn: '2026-07-01', whitelist: ['10.0.0.0/8'] })).toEqual(['breaks_policy']);
    expect(flags({ expiresOn: '2026-07-16' })).toEqual([]);
  });
});

describe('flag texts', () => {
  it('has a label and a description for every flag', () => {
    for (const flag of REVIEW_FLAG_KEYS) {
      expect(REVIEW_FLAGS[flag].label.length).toBeGreaterThan(3);
      expect(REVIEW_FLAGS[flag].description.length).toBeGreaterThan(10);
    }
    expect(REVIEW_FLAGS.no_ip_restriction.label).toBe('No IP restriction');
    expect(reviewFlagSchema.safeParse('unused').success).toBe(true);
    expect(reviewFlagSchema.safeParse('stale').success).toBe(false);
  });

  it('phrases counts with singular and plural', () => {
    expect(reviewFlagCountText('no_ip_restriction', 7)).toBe('7 tokens without IP restriction');
    expect(reviewFlagCountText('no_ip_restriction', 1)).toBe('1 token without IP restriction');
    expect(reviewFlagCountText('expired', 1)).toBe('1 expired token');
    expect(reviewFlagCountText('expired', 0)).toBe('0 expired tokens');
    expect(reviewFlagCountText('expiring_soon', 2)).toBe('2 tokens expiring within 7 days');
    expect(reviewFlagCountText('no_expiry', 3)).toBe('3 tokens without expiry date');
    expect(reviewFlagCountText('unused', 4)).toBe('4 tokens unused for 90 days');
    expect(reviewFlagCountText('privileged_role', 5)).toBe('5 tokens with a privileged role');
    expect(reviewFlagCountText('allows_every_address', 1)).toBe('1 token allowing every address or a very wide range');
  });

  it('counts flags over many tokens', () => {
    const counts = countReviewFlags([['no_expiry', 'unused'], ['unused'], []]);
    expect(counts).toEqual({
      no_ip_restriction: 0,
      allows_every_address: 0,
      no_expiry: 1,
      expiring_soon: 0,
      expired: 0,
      unused: 2,
      privileged_role: 0,
      no_owner: 0,
      breaks_policy: 0,
    });
  });
});
