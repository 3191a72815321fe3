import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tooManyEntriesMessage, validateWhitelist } from '../../shared/domain';
import { login, request, roleId, startServer, type ErrorReply, type Session, type Started } from './harness';

// The server refuses whitelists in the console's own words (both come from shared/domain),
// so a refusal the console shows on the field reads exactly like its own check.
const TOKENS = '/api/admin/identification-tokens';
let server: Started;
let admin: Session;
let role: number;

beforeAll(async () => {
  server = await startServer({ demo: true });
  admin = await login(server.port);
  role = await roleId(server.port, admin, 'Read-only Clients');
});
afterAll(async () => server.close());

describe('Whitelist refusals', () => {
  it('refuses an IPv4-mapped address next to its IPv4 form as a duplicate', async () => {
    const whitelist = ['10.0.0.1', '::ffff:10.0.0.1'];
    const reply = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: 'MappedTwin', roleId: role, whitelist } });
    expect(reply.status).toBe(400);
    expect(reply.body.details).toEqual([{ field: 'whitelist.1', message: validateWhitelist(whitelist).errors[0]?.message }]);
  });

  it('refuses 101 entries with the limit said in words', async () => {
    const whitelist = Array.from({ length: 101 }, (_, i) => `10.1.${Math.floor(i / 200)}.${i % 200}`);
    const reply = await request<ErrorReply>(server.port, TOKENS, { headers: admin.auth, json: { name: 'TooMany', roleId: role, whitelist } });
    expect(reply.status).toBe(400);
    expect(reply.body.details).toEqual([{ field: 'whitelist', message: tooManyEntriesMessage(101) }]);
  });
});
