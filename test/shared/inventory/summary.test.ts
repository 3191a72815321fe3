import { describe, expect, it } from 'vitest';
import { tokenStatus } from '../../../shared/domain/expiry';
import { flagsByToken, statusFromFlags, summarizeInventory } from '../../../shared/inventory/summary';
import { ROLES, makeToken } from './fixtures';

// 10 March 2026, 23:30 UTC: already 00:30 on the 11th in Paris, which the timeline must follow.
const NOW = new Date('2026-03-10T23:30:00Z');

describe('summarizeInventory', () => {
  const tokens = [
    makeToken(1, { expiresOn: '2026-03-11' }), // expiring, last day today (Paris)
    makeToken(2, { expiresOn: '2026-03-17' }), // expiring, 7 days left
    makeToken(3, { expiresOn: '2026-03-18' }), // active, on the timeline
    makeToken(4, { expiresOn: '2026-06-08' }), // day 89: the last day of the timeline
    makeToken(5, { expiresOn: '2026-06-09' }), // day 90: beyond it
    makeToken(6, { expiresOn: '2026-03-10' }), // expired yesterday (Paris)
    makeToken(7, { expiresOn: null, expiresAt: null, whitelist: [], roleId: 1 }),
    makeToken(8, { expiresOn: '2026-03-18', whitelist: ['0.0.0.0/0'], lastUsedAt: null, createdAt: '2025-01-01T00:00:00.000Z' }),
  ];
  const summary = summarizeInventory({ tokens, roles: ROLES, timeZone: 'Europe/Paris' }, NOW);

  it('counts tokens by status as of now', () => {
    expect(summary.total).toBe(8);
    expect(summary.byStatus).toEqual({ active: 5, expiring: 2, expired: 1 });
  });

  it('counts every review flag, zeros included, with its sentence', () => {
    expect(summary.byFlag).toEqual({
      no_ip_restriction: 1,
      allows_every_address: 1,
      no_expiry: 1,
      expiring_soon: 2,
      expired: 1,
      unused: 1,
      privileged_role: 1,
      no_owner: 0,
      breaks_policy: 0,
    });
    expect(summary.flagCounts.find((f) => f.flag === 'expiring_soon')?.text).toBe('2 tokens expiring within 7 days');
    expect(summary.flagCounts.find((f) => f.flag === 'no_ip_restriction')?.text).toBe('1 token without IP restriction');
    expect(summary.flagCounts).toHaveLength(9);
  });

  it('lays out 90 days from today in the organisation’s zone', () => {
    const timeline = summary.expiryTimeline;
    expect(timeline).toHaveLength(90);
    expect(timeline[0]).toEqual({ date: '2026-03-11', count: 1 });
    expect(timeline[6]).toEqual({ date: '2026-03-17', count: 1 });
    expect(timeline[7]).toEqual({ date: '2026-03-18', count: 2 });
    expect(timeline[89]).toEqual({ date: '2026-06-08', count: 1 });
    expect(timeline.reduce((sum, day) => sum + day.count, 0)).toBe(5);
    expect(timeline.map((day) => day.date)).toEqual([...new Set(timeline.map((day) => day.date))].sort());
  });

  it('gives the flags of each token by id', () => {
    const flags = flagsByToken({ tokens, roles: ROLES, timeZone: 'Europe/Paris' }, NOW);
    expect(flags.get(7)).toEqual(['no_ip_restriction', 'no_expiry', 'privileged_role']);
    expect(flags.get(8)).toEqual(['allows_every_address', 'unused']);
    expect(flags.get(3)).toEqual([]);
  });
});

describe('statusFromFlags', () => {
  it('agrees with tokenStatus on every kind of expiry', () => {
    const zones = ['Europe/Paris', 'Pacific/Kiritimati', 'America/Santiago', 'UTC'];
    const dates = [null, '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-16', '2026-03-17', '2026-03-18', '2027-01-01'];
    for (const timeZone of zones) {
      for (const expiresOn of dates) {
        const token = makeToken(1, { expiresOn });
        const flags = flagsByToken({ tokens: [token], roles: ROLES, timeZone }, NOW).get(1) ?? [];
        expect(statusFromFlags(flags), `${timeZone} ${String(expiresOn)}`).toBe(tokenStatus(expiresOn, NOW, timeZone));
      }
    }
  });
});
