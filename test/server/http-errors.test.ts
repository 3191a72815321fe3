import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiErrorSchema } from '../../shared/api';
import { login, request, startServer, type ErrorReply, type Session, type Started } from './harness';

let server: Started;
let admin: Session;

beforeAll(async () => {
  server = await startServer({ demo: true, bodyLimit: 4096 });
  admin = await login(server.port);
});
afterAll(async () => {
  await server.close();
});

function expectError(reply: { status: number; body: unknown; text: string }, status: number, code?: string): ErrorReply {
  expect(reply.status).toBe(status);
  const body = apiErrorSchema.parse(reply.body);
  expect(body.statusCode).toBe(status);
  if (code) expect(body.code).toBe(code);
  expect(reply.text).not.toMatch(/\bat .*\.ts:\d+/);
  expect(reply.text).not.toContain('stack');
  return body;
}

describe('error answers', () => {
  it('answers 400 malformed_json for a body that is not JSON', async () => {
    const reply = await request(server.port, '/api/admin/auth/login', { method: 'POST', rawBody: '{"email": ', headers: { 'content-type': 'application/json' } });
    expectError(reply, 400, 'malformed_json');
  });

  it('answers 413 for a body over the limit', async () => {
    const reply = await request(server.port, '/api/admin/identification-tokens', {
      headers: admin.auth,
      json: { name: 'Big', roleId: 1, whitelist: Array.from({ length: 400 }, () => '10.0.0.1') },
    });
    expectError(reply, 413, 'payload_too_large');
  });

  it('answers 415 for a body that is not JSON by content type', async () => {
    const reply = await request(server.port, '/api/admin/auth/login', { method: 'POST', rawBody: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectError(reply, 415, 'unsupported_media_type');
  });

  it('answers 404 not_found in the same shape for an unknown route', async () => {
    const reply = await request(server.port, '/api/admin/nothing-here?secret=x');
    const body = expectError(reply, 404, 'not_found');
    expect(body.message).not.toContain('secret=x');
  });

  it('answers 401 before validating the body of an unauthenticated admin request', async () => {
    const reply = await request(server.port, '/api/admin/identification-tokens', { json: { nonsense: true } });
    expectError(reply, 401, 'unauthorized');
  });

  it('never answers 500 to odd input', async () => {
    const attempts: Parameters<typeof request>[2][] = [
      { json: [] },
      { json: null },
      { json: 'text' },
      { json: { name: 'x'.repeat(5000), roleId: 1 } },
      { json: { name: 'Odd', roleId: 1e308 } },
      { json: { name: 'Odd', roleId: -1 } },
      { json: { name: 'Odd', roleId: 1, whitelist: 'not-a-list' } },
      { json: { name: 'Odd', roleId: 1, whitelist: [1, null] } },
      { json: { name: 'Odd', roleId: 1, expiresOn: '31/12/2030' } },
      { json: { name: 'Odd\u200b', roleId: 1 } },
      { rawBody: '{"__proto__":{"admin":true},"name":"Proto","roleId":1}', headers: { 'content-type': 'application/json' } },
      { rawBody: Buffer.from([0xff, 0xfe, 0x7b]), headers: { 'content-type': 'application/json' } },
    ];
    for (const attempt of attempts) {
      const reply = await request(server.port, '/api/admin/identification-tokens', { method: 'POST', ...attempt, headers: { ...admin.auth, ...attempt?.headers } });
      expect(reply.status, JSON.stringify(attempt)).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      apiErrorSchema.parse(reply.body);
    }
    for (const query of ['page=0', 'page=abc', 'pageSize=-1', 'search=a&search=b', 'roleId=1.5', 'order=up', 'status=', 'page=1e400']) {
      const reply = await request(server.port, `/api/admin/identification-tokens?${query}`, { headers: admin.auth });
      expect(reply.status, query).toBe(400);
    }
    for (const path of ['/api/admin/identification-tokens/0', '/api/admin/identification-tokens/99999999999999999999', '/api/admin/audit-events?limit=0', '/api/admin/audit-events?before=x']) {
      const reply = await request(server.port, path, { headers: admin.auth });
      expect(reply.status, path).toBe(400);
    }
    // PostgreSQL's text cannot hold U+0000: a NUL in a search or an email is refused or finds
    // nothing on either store, never a 500. Ids past 32 bits are invalid on both.
    for (const path of ['/api/admin/identification-tokens?search=a%00b', '/api/admin/audit-events?tokenId=3980097672060207', '/api/admin/identification-tokens/2147483648']) {
      const reply = await request(server.port, path, { headers: admin.auth });
      expect(reply.status, path).toBeLessThan(500);
      apiErrorSchema.or(z.object({ items: z.array(z.unknown()) })).parse(reply.body);
    }
    const nulLogin = await request(server.port, '/api/admin/auth/login', { method: 'POST', json: { email: 'admin\u0000@wifox.local', password: 'Wrong-password-1' } });
    expect([400, 401]).toContain(nulLogin.status);
    apiErrorSchema.parse(nulLogin.body);
    const weirdAuth = await request(server.port, '/api/public/clients', { headers: { authorization: `wfx_${'é'.repeat(38)}` } });
    expectError(weirdAuth, 401, 'X-0005');
  });
});
