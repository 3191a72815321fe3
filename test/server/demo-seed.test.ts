import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('names the demo organisation and reports the configured zone', async () => {
    const admin = await login(server.port);
    const reply = await request(server.port, '/api/admin/settings', { headers: admin.auth });
    expect(reply.body).toEqual({ timeZone: 'America/New_York', organisationName: 'Wifox Demo' });
  });
});
