import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewFlags } from '../../shared/domain';
import { TestClock, login, request, startServer, type Started, type TokenReply } from './harness';

let server: Started;

beforeAll(async () => {
  server = await startServer({ demo: true, clock: new TestClock('2030-03-10T10:00:00.000Z').now, timeZone: 'America/New_York' });
});
afterAll(async () => {
  await server.close();
});

describe('--demo', () => {
  it('seeds a dozen tokens in varied states', async () => {
    const admin = await login(server.port);
    const reply = await request<{ items: TokenReply[]; total: number }>(server.port, '/api/admin/identification-tokens?pageSize=500', { headers: admin.auth });
    const tokens = reply.body.items;
    expect(reply.body.total).toBe(12);
    expect(new Set(tokens.map((token) => token.status))).toEqual(new Set(['active', 'expiring', 'expired']));
    expect(tokens.some((token) => token.expiresOn === null)).toBe(true);
    expect(tokens.some((token) => token.whitelist.length === 0)).toBe(true);
    const entries = tokens.flatMap((token) => token.whitelist);
    expect(entries.some((entry) => entry.includes(':'))).toBe(true);
    expect(entries.some((entry) => entry.includes('/') && !entry.includes(':'))).toBe(true);
    expect(tokens.some((token) => token.lastUsedAt !== null && token.lastUsedIp !== null)).toBe(true);
    expect(tokens.find((token) => token.name === 'BackendAutomation')?.roleName).toBe('CB Accounts & Transactions');
  });

  it('gives the demo a year of history a review can work on', async () => {
    const admin = await login(server.port);
    const reply = await request<{ items: (TokenReply & { createdAt: string })[] }>(server.port, '/api/admin/identification-tokens?pageSize=500', { headers: admin.auth });
    const now = Date.parse('2030-03-10T10:00:00.000Z');
    const day = 24 * 60 * 60 * 1000;
    const ages = reply.body.items.map((token) => (now - Date.parse(token.createdAt)) / day);
    // Creation times spread over the past year, not all at the moment the server started.
    expect(Math.max(...ages)).toBeGreaterThan(300);
    expect(Math.max(...ages)).toBeLessThanOrEqual(366);
    expect(Math.min(...ages)).toBeLessThan(7);
    expect(new Set(reply.body.items.map((token) => token.createdAt.slice(0, 7))).size).toBeGreaterThanOrEqual(6);
    for (const token of reply.body.items) {
      if (token.lastUsedAt !== null) expect(Date.parse(token.lastUsedAt), token.name).toBeGreaterThan(Date.parse(token.createdAt));
    }
    expect(reply.body.items.filter((token) => token.lastUsedAt === null).length).toBeGreaterThanOrEqual(2);
    const flagged = reply.body.items.filter((token) => reviewFlags(token, null, new Date(now), 'America/New_York').includes('unused'));
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    // Some were used, then left unused for months.
    expect(flagged.some((token) => token.lastUsedAt !== null)).toBe(true);
  });

  it('seeds the two read-only Clients roles with the rights their names say', async () => {
    const admin = await login(server.port);
    const reply = await request<{ items: { name: string; rights: Record<string, { view: string; manage: string[] }> }[] }>(
      server.port, '/api/admin/roles', { headers: admin.auth });
    const rights = (name: string) => reply.body.items.find((role) => role.name === name)?.rights;
    expect(rights('Read-only Clients')).toEqual({ clients: { view: 'all', manage: [] } });
    const plusKyc = rights('Read-only Clients + KYC Documents');
    expect(plusKyc?.clients).toEqual({ view: 'all', manage: [] });
    expect(plusKyc?.['kyc-documents']?.manage).toContain('create_edit');
  });

  it('names the demo organisation and reports the configured zone', async () => {
    const admin = await login(server.port);
    const reply = await request(server.port, '/api/admin/settings', { headers: admin.auth });
    expect(reply.body).toEqual({ timeZone: 'America/New_York', organisationName: 'Wifox Demo' });
  });
});
