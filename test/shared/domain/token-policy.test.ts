import { describe, expect, it } from 'vitest';
import { NO_TOKEN_POLICY, checkTokenPolicy, latestAllowedExpiry, policyHints } from '../../../shared/domain';

// 22:30 UTC on 15 June is already 16 June in Paris (UTC+2).
const now = new Date('2030-06-15T22:30:00Z');
const policy = { maxLifetimeDays: 30, requireWhitelist: true, widestIpv4Prefix: 16, widestIpv6Prefix: 48 };
const rules = (token: { expiresOn: string | null; whitelist: string[] }, zone = 'Europe/Paris') =>
  checkTokenPolicy(token, policy, now, zone).map((breach) => `${breach.rule}@${breach.field}`);

describe('checkTokenPolicy', () => {
  it('caps the expiry at today plus the lifetime, in whole days of the organisation\'s zone', () => {
    expect(latestAllowedExpiry(policy, now, 'Europe/Paris')).toBe('2030-07-16');
    expect(latestAllowedExpiry(policy, now, 'UTC')).toBe('2030-07-15');
    expect(rules({ expiresOn: '2030-07-16', whitelist: ['10.1.0.0/16'] })).toEqual([]);
    expect(rules({ expiresOn: '2030-07-16', whitelist: ['10.1.0.0/16'] }, 'UTC')).toEqual(['max_lifetime@expiresOn']);
    expect(rules({ expiresOn: null, whitelist: ['10.1.0.0/16'] })).toEqual(['max_lifetime@expiresOn']);
  });

  it('requires a whitelist and refuses ranges wider than the limits, mapped IPv4 ranges counted as IPv4', () => {
    expect(rules({ expiresOn: '2030-07-01', whitelist: [] })).toEqual(['whitelist_required@whitelist']);
    expect(rules({ expiresOn: '2030-07-01', whitelist: ['192.0.2.1', '10.0.0.0/8', '::ffff:10.0.0.0/104', '2001:db8::/32', '2001:db8:1::/48'] })).toEqual([
      'widest_ipv4@whitelist.1',
      'widest_ipv4@whitelist.2',
      'widest_ipv6@whitelist.3',
    ]);
  });

  it('asks nothing without a policy, and says each active rule up front', () => {
    expect(checkTokenPolicy({ expiresOn: null, whitelist: ['0.0.0.0/0'] }, NO_TOKEN_POLICY, now, 'UTC')).toEqual([]);
    expect(policyHints(NO_TOKEN_POLICY, now, 'UTC')).toEqual({ expiry: null, whitelist: null });
    expect(policyHints(policy, now, 'Europe/Paris')).toEqual({
      expiry: 'Token policy: maximum lifetime 30 days: an expiry date is required, on or before 16/07/2030.',
      whitelist: 'Token policy: at least one address or range is required; IPv4 ranges /16 or narrower; IPv6 ranges /48 or narrower.',
    });
  });
});
