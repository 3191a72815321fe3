import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/api';
import { createToken, login, request, roleId, startServer, type ErrorReply, type Reply, type Session, type Started, type TokenReply } from '../harness';
import { auditActionsSince, lastAuditId, snapshot } from './db-snapshot';

const TOKENS = '/api/admin/identification-tokens';
let server: Started;
let admin: Session;
let role = 0;

beforeAll(async () => {
  // The denial limiter is not under test here; a high limit keeps refused credentials 401.
  server = await startServer({ demo: true, denialLimit: { maxDenials: 10_000, windowMs: 60_000 } });
  admin = await login(server.port);
  role = await roleId(server.port, admin, 'Read-only Clients');
});
afterAll(async () => {
  await server.close();
});

/** A refusal: the given 4xx, the shared error shape, a message a person can act on, no internals. */
function expectRefusal(reply: Reply, status: number, code?: string): ErrorReply {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  const body = apiErrorSchema.parse(reply.body);
  expect(body.statusCode).toBe(status);
  if (code !== undefined) expect(body.code).toBe(code);
  expect(body.message.length).toBeGreaterThan(10);
  expect(reply.text).not.toMatch(/SQLITE|sqlite|\.ts:\d+|at [\w.]+ \(/);
  return body;
}

function expectFields(reply: Reply, fields: string[]): ErrorReply {
  const body = expectRefusal(reply, 400, 'validation_failed');
  expect(body.details?.map((detail) => detail.field)).toEqual(fields);
  for (const detail of body.details ?? []) expect(detail.message.length).toBeGreaterThan(3);
  return body;
}

const post = (path: string, json: unknown, headers = admin.auth) => request(server.port, path, { headers, json });
const patch = (id: number | string, json: unknown) => request(server.port, `${TOKENS}/${id}`, { method: 'PATCH', headers: admin.auth, json });
const raw = (path: string, body: string | Buffer, method = 'POST', contentType = 'application/json') =>
  request(server.port, path, { method, rawBody: body, headers: { ...admin.auth, 'content-type': contentType } });

async function tokenNames(search?: string): Promise<string[]> {
  const query = search === undefined ? '' : `&search=${encodeURIComponent(search)}`;
  const reply = await request<{ items: TokenReply[] }>(server.port, `${TOKENS}?pageSize=500${query}`, { headers: admin.auth });
  expect(reply.status).toBe(200);
  return reply.body.items.map((item) => item.name);
}

/** A body sent with chunked transfer encoding, so no Content-Length announces its size. */
function streamBody(path: string, chunks: Buffer[]): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path, method: 'POST', agent: false,
        headers: { ...admin.auth, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: JSON.parse(text) as unknown });
        });
      },
    );
    // The server may answer and close before the whole body is written; that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('malformed JSON', () => {
  it('answers 400 malformed_json, whatever the route, for bodies that are not JSON', async () => {
    const bodies = ['{', '{"name": "Broken",}', "{'name': 'Broken'}", '{"name": "Broken"} trailing', 'nul', '{"name": "\\x41"}', '\u0000'];
    for (const body of bodies) {
      for (const [path, method] of [[TOKENS, 'POST'], [`${TOKENS}/1`, 'PATCH'], ['/api/admin/auth/login', 'POST']] as const) {
        expectRefusal(await raw(path, body, method), 400, 'malformed_json');
      }
    }
    expectRefusal(await raw(TOKENS, Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x7b])), 400);
  });

  it('answers 400 for an empty body declared as JSON', async () => {
    expectRefusal(await raw(TOKENS, ''), 400, 'malformed_json');
  });

  it('refuses prototype-poisoning keys instead of merging them', async () => {
    for (const body of ['{"__proto__":{"isAdmin":true},"name":"ProtoPoison","roleId":1}', '{"constructor":{"prototype":{"isAdmin":true}},"name":"CtorPoison","roleId":1}']) {
      expectRefusal(await raw(TOKENS, body), 400);
    }
    expect(await tokenNames('Poison')).toEqual([]);
  });

  it('answers 400, not 500, for valid JSON of the wrong shape or absurd depth', async () => {
    for (const body of ['[]', '"BackendJob"', '42', 'null', 'true', '[{"name":"InArray","roleId":1}]']) {
      expectRefusal(await raw(TOKENS, body), 400);
    }
    const deep = `{"name":"Deep","roleId":1,"whitelist":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expectRefusal(await raw(TOKENS, deep), 400);
  });
});

describe('huge bodies', () => {
  it('answers 413 payload_too_large in the JSON error format for a declared body over 64 KiB', async () => {
    const reply = await post(TOKENS, { name: 'Huge', roleId: role, whitelist: Array.from({ length: 40_000 }, () => '10.0.0.1') });
    expectRefusal(reply, 413, 'payload_too_large');
  });

  it('answers 413 too when a chunked body grows past the limit with no Content-Length', async () => {
    const chunk = Buffer.from(`${' '.repeat(16 * 1024)}`);
    const reply = await streamBody(TOKENS, [Buffer.from('{"name":"Streamed","roleId":1,"pad":"'), ...Array.from({ length: 8 }, () => chunk), Buffer.from('"}')]);
    expectRefusal(reply, 413, 'payload_too_large');
    expect(await tokenNames('Streamed')).toEqual([]);
  });

  it('reads a body just under the limit and judges its content (400, not 413)', async () => {
    const reply = await post(TOKENS, { name: 'x'.repeat(60 * 1024), roleId: role });
    expectFields(reply, ['name']);
  });
});

describe('wrong types', () => {
  it('names the field of each wrongly typed value on create', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ name: 42, roleId: role }, ['name']],
      [{ name: null, roleId: role }, ['name']],
      [{ name: ['Array'], roleId: role }, ['name']],
      [{ name: 'TypeCheck', roleId: String(role) }, ['roleId']],
      [{ name: 'TypeCheck', roleId: 1.5 }, ['roleId']],
      [{ name: 'TypeCheck', roleId: true }, ['roleId']],
      [{ name: 'TypeCheck', roleId: { $gt: 0 } }, ['roleId']],
      [{ name: 'TypeCheck', roleId: 2 ** 53 + 2 }, ['roleId']],
      [{ name: 'TypeCheck', roleId: role, whitelist: '10.0.0.1' }, ['whitelist']],
      [{ name: 'TypeCheck', roleId: role, whitelist: { 0: '10.0.0.1' } }, ['whitelist']],
      [{ name: 'TypeCheck', roleId: role, whitelist: ['10.0.0.1', 7] }, ['whitelist.1']],
      [{ name: 'TypeCheck', roleId: role, expiresOn: 20_301_231 }, ['expiresOn']],
      [{ name: 'TypeCheck', roleId: role, expiresOn: '2030-02-30' }, ['expiresOn']],
      [{ name: 'TypeCheck', roleId: role, expiresOn: '31/12/2030' }, ['expiresOn']],
      [{ roleId: role }, ['name']],
      [{ name: 'TypeCheck' }, ['roleId']],
    ];
    for (const [body, fields] of cases) expectFields(await post(TOKENS, body), fields);
    expect(await tokenNames('TypeCheck')).toEqual([]);
  });

  it('names the field on edit and sign-in too', async () => {
    const { token } = await createToken(server.port, admin, { name: 'TypedEdit', roleId: role });
    expectFields(await patch(token.id, { roleId: String(role) }), ['roleId']);
    expectFields(await patch(token.id, { expiresOn: false }), ['expiresOn']);
    expectFields(await patch(token.id, { whitelist: null }), ['whitelist']);
    expectFields(await post('/api/admin/auth/login', { email: ['admin@example.test'], password: 'x' }, {}), ['email']);
    expectFields(await post('/api/admin/auth/login', { email: 'a@b.test', password: 12_345_678 }, {}), ['password']);
    expectFields(await post('/api/admin/auth/refresh', { refreshToken: { token: 'x' } }, {}), ['refreshToken']);
  });
});

describe('unknown fields', () => {
  it('refuses a create with fields the API does not have, naming each, and creates nothing', async () => {
    const reply = await post(TOKENS, { name: 'Smuggler', roleId: role, secret: 'wfx_chosen', expiresAt: '2099-01-01T00:00:00.000Z', version: 9 });
    const body = expectFields(reply, ['secret', 'expiresAt', 'version']);
    expect(body.details?.[0]?.message).toBe('Unknown field "secret".');
    expect(await tokenNames('Smuggler')).toEqual([]);
  });

  it('refuses an edit with an unknown field, even beside a valid one, and changes nothing', async () => {
    const { token } = await createToken(server.port, admin, { name: 'StrictEdit', roleId: role });
    expectFields(await patch(token.id, { name: 'StrictEdited', createdBy: 1 }), ['createdBy']);
    expectFields(await patch(token.id, { lastUsedIp: '10.0.0.1' }), ['lastUsedIp']);
    const now = await request<TokenReply>(server.port, `${TOKENS}/${token.id}`, { headers: admin.auth });
    expect(now.body).toMatchObject({ name: 'StrictEdit', version: 1 });
  });

  it('refuses unknown fields on sign-in, refresh and the public create', async () => {
    expectFields(await post('/api/admin/auth/login', { email: 'a@b.test', password: 'x', rememberMe: true }, {}), ['rememberMe']);
    expectFields(await post('/api/admin/auth/refresh', { refreshToken: 'wfr_x', sessionId: 1 }, {}), ['sessionId']);
    const { secret } = await createToken(server.port, admin, { name: 'ClientWriterStrict', roleId: await roleId(server.port, admin, 'Desk manager') });
    const reply = await post('/api/public/clients', { firstName: 'Noor', lastName: 'Haddad', email: 'noor@example.com', country: 'AE', status: 'vip' },
      { authorization: secret });
    expectFields(reply, ['status']);
  });
});

describe('unicode in names', () => {
  it('treats composed and decomposed spellings as the same name (409), on create and edit', async () => {
    const composed = 'Caf\u00e9 Sync';
    const decomposed = 'Cafe\u0301 Sync';
    expect(composed).not.toBe(decomposed);
    await createToken(server.port, admin, { name: composed, roleId: role });
    expectRefusal(await post(TOKENS, { name: decomposed, roleId: role }), 409, 'name_taken');
    expectRefusal(await post(TOKENS, { name: 'CAFE\u0301 SYNC', roleId: role }), 409, 'name_taken');

    await createToken(server.port, admin, { name: 'Re\u0301sume\u0301 Feed', roleId: role });
    expectRefusal(await post(TOKENS, { name: 'R\u00e9sum\u00e9 Feed', roleId: role }), 409, 'name_taken');
    const { token } = await createToken(server.port, admin, { name: 'Other Feed', roleId: role });
    expectRefusal(await patch(token.id, { name: decomposed }), 409, 'name_taken');
  });

  it('stores the NFC form, so a search in either spelling finds it', async () => {
    await createToken(server.port, admin, { name: 'Zu\u0308rich Ops', roleId: role });
    expect(await tokenNames('z\u00fcrich')).toEqual(['Z\u00fcrich Ops']);
    expect(await tokenNames('Zu\u0308RICH')).toEqual(['Z\u00fcrich Ops']);
  });

  it('refuses zero-width and other invisible characters with a clear message, wherever they sit', async () => {
    const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E', '\u2066', '\uFE0F', '\u180E'];
    for (const char of invisible) {
      for (const name of [`Back${char}end Feed`, `${char}Backend Feed`, `Backend Feed${char}`]) {
        const body = expectFields(await post(TOKENS, { name, roleId: role }), ['name']);
        expect(body.details?.[0]?.message, JSON.stringify(name)).toMatch(/invisible character/);
      }
    }
    expect(await tokenNames('Backend Feed')).toEqual([]);
  });
});

describe('SQL metacharacters', () => {
  it('answers 4xx with a clear message and leaves the database as it was', async () => {
    const { token } = await createToken(server.port, admin, { name: 'Load_Test', roleId: role, whitelist: ['10.0.0.1'] });
    await createToken(server.port, admin, { name: 'LoadXTest', roleId: role });
    const before = await snapshot(server.dbPath);
    const auditBefore = await lastAuditId(server.dbPath);
    const injections = ["'; DROP TABLE tokens; --", "Robert'); DROP TABLE tokens;--", 'x" OR "1"="1', "1' OR '1'='1", 'a\\b', 'name/*c*/'];

    for (const attack of injections) {
      const q = encodeURIComponent(attack);
      expectFields(await post(TOKENS, { name: attack, roleId: role }), ['name']);
      expectFields(await patch(token.id, { name: attack }), ['name']);
      expectFields(await post(TOKENS, { name: 'Injected', roleId: role, whitelist: [attack] }), ['whitelist.0']);
      expectFields(await post(TOKENS, { name: 'Injected', roleId: role, expiresOn: `2030-12-31${attack}` }), ['expiresOn']);
      for (const query of [`sort=${q}`, `sort=name${q}`, `order=${q}`, `status=${q}`, `roleId=${q}`, `page=1${q}`, `pageSize=${q}`]) {
        expectRefusal(await request(server.port, `${TOKENS}?${query}`, { headers: admin.auth }), 400, 'validation_failed');
      }
      for (const method of ['GET', 'DELETE']) {
        expectRefusal(await request(server.port, `${TOKENS}/${q}`, { method, headers: admin.auth }), 400, 'validation_failed');
        expectRefusal(await request(server.port, `${TOKENS}/${token.id}${q}`, { method, headers: admin.auth }), 400, 'validation_failed');
      }
      expectRefusal(await request(server.port, `/api/admin/audit-events?tokenId=${q}`, { headers: admin.auth }), 400, 'validation_failed');
      expectRefusal(await request(server.port, `/api/admin/audit-events?before=${token.id}${q}`, { headers: admin.auth }), 400, 'validation_failed');
      expectRefusal(await request(server.port, `${TOKENS}/${token.id}`, { method: 'PATCH', headers: { ...admin.auth, 'if-match': `"${attack}"` }, json: { name: 'Renamed' } }), 412, 'version_mismatch');
      expectRefusal(await post('/api/admin/auth/login', { email: `${attack}@example.test`, password: attack }, {}), 401, 'invalid_credentials');
      expectRefusal(await post('/api/admin/auth/refresh', { refreshToken: attack }, {}), 401);
      expectRefusal(await request(server.port, '/api/admin/roles', { headers: { authorization: `Bearer ${attack}` } }), 401, 'unauthorized');
      expectRefusal(await request(server.port, '/api/public/tokens/verify', { headers: { authorization: `wfx_${attack}` } }), 401, 'X-0005');

      // A search is data: it matches nothing here, and is never a 4xx or 5xx.
      expect(await tokenNames(attack)).toEqual([]);
    }

    expect(await snapshot(server.dbPath)).toEqual(before);
    // The only writes were the audit rows a refused sign-in or credential always leaves.
    expect(new Set(await auditActionsSince(server.dbPath, auditBefore))).toEqual(new Set(['login.failed', 'token.denied']));
  });

  it('matches % and _ in a search literally', async () => {
    await createToken(server.port, admin, { name: 'Batch_Job', roleId: role });
    await createToken(server.port, admin, { name: 'BatchXJob', roleId: role });
    await createToken(server.port, admin, { name: 'Spare_Part', roleId: role });
    expect(await tokenNames('h_J')).toEqual(['Batch_Job']);
    expect(await tokenNames('Batch_')).toEqual(['Batch_Job']);
    expect(await tokenNames('_')).toEqual(expect.arrayContaining(['Batch_Job', 'Spare_Part']));
    expect(await tokenNames('_')).not.toContain('BatchXJob');
    expect(await tokenNames('%')).toEqual([]);
    expect(await tokenNames('Batch%Job')).toEqual([]);
    expect(await tokenNames('\\')).toEqual([]);
  });

  it('stores metacharacters in accepted free text as plain data', async () => {
    const { secret } = await createToken(server.port, admin, { name: 'BobbyWriter', roleId: await roleId(server.port, admin, 'Desk manager') });
    const firstName = "Robert'); DROP TABLE records;--";
    const created = await post('/api/public/clients', { firstName, lastName: '%_\\', email: 'bobby@example.com', country: 'GB' }, { authorization: secret });
    expect(created.status).toBe(201);
    const list = await request<{ items: { firstName: string; lastName: string }[] }>(server.port, '/api/public/clients?limit=500', { headers: { authorization: secret } });
    expect(list.body.items).toContainEqual(expect.objectContaining({ firstName, lastName: '%_\\' }));
    expect(Object.keys(await snapshot(server.dbPath))).toContain('records');
  });
});
