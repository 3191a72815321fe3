import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_TOKEN_POLICY, breaksTokenPolicy, checkTokenPolicy, latestAllowedExpiry, policyHints } from '../../../shared/domain';

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

describe('breaksTokenPolicy', () => {
  const entries = ['192.0.2.1', '10.0.0.0/8', '10.1.0.0/16', '0.0.0.0/0', '::ffff:10.0.0.0/104', '2001:db8::/32', '2001:db8:1::/48', '::/0', '2001:db8::1', 'not an address', '10.0.0.1/8'];
  const prefix = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null });
  // Lifetimes and dates that meet: today is 15 or 16 June 2030 depending on the zone.
  const policies = fc.record({ maxLifetimeDays: fc.constantFrom(null, 1, 30, 31, 365), requireWhitelist: fc.boolean(), widestIpv4Prefix: prefix(32), widestIpv6Prefix: prefix(128) });
  const tokens = fc.record({
    expiresOn: fc.option(fc.constantFrom('2030-06-16', '2030-06-17', '2030-07-15', '2030-07-16', '2030-07-17', '2031-06-15', '2031-06-16', '2031-06-17'), { nil: null }),
    whitelist: fc.array(fc.constantFrom(...entries), { maxLength: 4 }),
  });

  it('flags exactly the tokens the policy check finds a breach in, and none without a policy', () => {
    fc.assert(
      fc.property(tokens, policies, fc.constantFrom('Europe/Paris', 'UTC', 'Pacific/Kiritimati'), (token, rules, zone) => {
        expect(breaksTokenPolicy(token, rules, now, zone)).toBe(checkTokenPolicy(token, rules, now, zone).length > 0);
        expect(breaksTokenPolicy(token, null, now, zone)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
