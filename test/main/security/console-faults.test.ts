import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PATHS } from '../../../shared/api/paths';
import { buildConsole, type TestConsole } from '../support/console';
import { json, startStubServer, type Hit, type StubServer } from '../support/stub-server';

// The console (services behind the IPC router) against a server that misbehaves. Every fault
// reaches the UI as a stable code and a plain sentence, and a create whose answer was lost is
// settled by listing, never by sending it again.

const TIMEOUT_MS = 300;
const PASSWORD = 'Correct-horse-battery-9';
const ACCESS = `wfa_${'a'.repeat(40)}`;
const REFRESH = `wfr_${'r'.repeat(40)}`;

const loginAnswer = () => ({
  accessToken: ACCESS,
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  refreshToken: REFRESH,
  refreshTokenExpiresAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
  employee: { id: 1, name: 'Ada Admin', email: 'admin@example.test', rank: 1 },
});

const tokenNamed = (id: number, name: string) => ({
  id,
  name,
  roleId: 2,
  roleName: 'Analytics Only',
  permissions: ['Analytics'],
  whitelist: [],
  expiresOn: null,
  expiresAt: null,
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: { id: 1, name: 'Ada Admin' },
  updatedAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  lastUsedIp: null,
  secretHint: 'wfx_AbCd',
  version: 1,
});

type Fault = (hit: Hit, res: ServerResponse) => void;

const silent: Fault = () => undefined;
const failing: Fault = (_hit, res) =>
  json(res, 500, { statusCode: 500, code: 'internal_error', message: `Bearer ${ACCESS} at Object.<anonymous> (/srv/wifox/app.js:10:5)` });
const html: Fault = (_hit, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<!doctype html><html><body>Captive portal: sign in to the hotel Wi-Fi</body></html>');
};
const cutOff: Fault = (_hit, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
  res.write('{"items":[{"id":1,"name":"Backe');
  setTimeout(() => res.socket?.destroy(), 10);
};
const listing =
  (tokens: { id: number; name: string }[]): Fault =>
  (_hit, res) =>
    json(res, 200, {
      items: tokens.map((t) => tokenNamed(t.id, t.name)),
      total: tokens.length,
      page: 1,
      pageSize: 1000,
      nextCursor: null,
      changeCursor: 'eyJ2IjoxLCJjIjoxfQ',
      deletedIds: [],
    });

type Setup = { console: TestConsole; server: StubServer; route: { get: Fault; post: Fault } };

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

// Signs in against a stub that answers auth properly and sends everything else to `route`.
const signedIn = async (): Promise<Setup> => {
  const route = { get: listing([]), post: listing([]) };
  const server = await startStubServer((hit, _count, res) => {
    if (hit.url === ADMIN_PATHS.login) return json(res, 200, loginAnswer());
    if (hit.url === ADMIN_PATHS.logout) return json(res, 204, {});
    (hit.method === 'POST' ? route.post : route.get)(hit, res);
  });
  servers.push(server);
  const console = buildConsole({ http: { timeoutMs: TIMEOUT_MS, retryDelayMs: 5 } });
  const saved = (await console.call('profiles.save', { name: 'Stub', baseUrl: server.url, email: 'admin@example.test' })) as {
    ok: boolean;
    value: { id: string };
  };
  expect(saved.ok).toBe(true);
  expect(await console.call('session.signIn', { profileId: saved.value.id, password: PASSWORD })).toMatchObject({ ok: true });
  return { console, server, route };
};

type Refusal = { code: string; message: string };

const refusal = (envelope: unknown): Refusal => {
  expect(envelope).toMatchObject({ ok: false });
  const { error } = envelope as { error: Refusal };
  // Only what the UI shows: no stack, no request, no axios object.
  expect(Object.keys(error).sort()).toEqual(['code', 'message']);
  expect(error.message.trim().length).toBeGreaterThan(10);
  return error;
};

const expectNoSecrets = (error: Refusal, server: StubServer): void => {
  const port = new URL(server.url).port;
  for (const leak of [ACCESS, REFRESH, PASSWORD, 'Bearer', 'wfa_', 'wfr_', server.url, `:${port}`, '127.0.0.1', 'ECONN', 'app.js', ' at ', '<html', 'axios']) {
    expect(error.message, `message contains ${leak}`).not.toContain(leak);
  }
};

const posts = (server: StubServer): Hit[] => server.hits.filter((hit) => hit.method === 'POST' && hit.url === ADMIN_PATHS.tokens);
const listings = (server: StubServer): Hit[] => server.hits.filter((hit) => hit.method === 'GET' && hit.url.startsWith(`${ADMIN_PATHS.tokens}?`));

const CREATE = { name: 'NightlyExport', roleId: 2, whitelist: ['203.0.113.0/24'] };

describe('console faults: each one a clear code and message, without secrets', () => {
  it('server down: offline', async () => {
    const { console, server } = await signedIn();
    await server.close();
    const error = refusal(await console.call('tokens.list'));
    expect(error.code).toBe('offline');
    expect(error.message).toMatch(/cannot be reached/);
    expectNoSecrets(error, server);
    expect(await console.call('session.state')).toMatchObject({ ok: true, value: { status: 'signedIn', connection: 'offline' } });
  });

  it('server slower than the timeout: timeout, saying how long the console waited', async () => {
    const { console, server, route } = await signedIn();
    route.get = silent;
    const error = refusal(await console.call('tokens.list'));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('The server did not answer within 1 second. Try again.');
    expectNoSecrets(error, server);
  });

  it('server answering 500: server_error, and the body it sent is not repeated', async () => {
    const { console, server, route } = await signedIn();
    route.get = failing;
    const error = refusal(await console.call('catalog.modules'));
    expect(error.code).toBe('server_error');
    expect(error.message).toMatch(/HTTP 500/);
    expectNoSecrets(error, server);
  });

  it('server answering HTML with 200: bad_response', async () => {
    const { console, server, route } = await signedIn();
    route.get = html;
    const error = refusal(await console.call('tokens.get', { id: 1 }));
    expect(error.code).toBe('bad_response');
    expect(error.message).not.toMatch(/Captive|hotel/);
    expectNoSecrets(error, server);
  });

  it('connection closed mid-response: offline (a read is tried once more, then given up)', async () => {
    const { console, server, route } = await signedIn();
    route.get = cutOff;
    const error = refusal(await console.call('tokens.list'));
    expect(error.code).toBe('offline');
    expectNoSecrets(error, server);
    expect(listings(server)).toHaveLength(2);
  });
});

describe('console faults: a create that timed out is reconciled by listing, not retried', () => {
  it('nothing by that name on the server: the timeout is answered, after one POST and one look', async () => {
    const { console, server, route } = await signedIn();
    route.post = silent;
    route.get = listing([{ id: 3, name: 'NightlyExportOld' }]);
    const error = refusal(await console.call('tokens.create', CREATE));
    expect(error.code).toBe('timeout');
    expectNoSecrets(error, server);
    expect(posts(server)).toHaveLength(1);
    expect(listings(server)).toHaveLength(1);
    expect(new URL(listings(server)[0]?.url ?? '', server.url).searchParams.get('search')).toBe('NightlyExport');
  });

  it('the token now exists: the console says it was created and that its secret is lost', async () => {
    const { console, server, route } = await signedIn();
    // The server did create it; only its answer never came back.
    route.post = silent;
    route.get = listing([{ id: 7, name: 'NightlyExport' }, { id: 8, name: 'NightlyExportOld' }]);
    const error = refusal(await console.call('tokens.create', CREATE));
    expect(error.code).toBe('name_taken');
    expect(error.message).toBe(
      'The token "NightlyExport" was created, but the server\'s answer was lost, so its secret cannot be shown. Delete "NightlyExport" and create it again to get a new secret.',
    );
    expectNoSecrets(error, server);
    expect(posts(server)).toHaveLength(1);
  });

  it('matches the name exactly as the server stores it (trimmed, NFC), not by likeness', async () => {
    const { console, server, route } = await signedIn();
    route.post = silent;
    route.get = listing([{ id: 9, name: 'Café sync' }, { id: 10, name: 'cafe sync' }]);
    const created = refusal(await console.call('tokens.create', { name: '  Cafe\u0301 sync ', roleId: 2 }));
    expect(created.code).toBe('name_taken');
    route.get = listing([{ id: 10, name: 'cafe sync' }]);
    expect(refusal(await console.call('tokens.create', { name: 'Café sync', roleId: 2 })).code).toBe('timeout');
    expect(posts(server)).toHaveLength(2);
  });

  it('the connection dropped after the POST was sent: reconciled the same way, still one POST', async () => {
    const { console, server, route } = await signedIn();
    route.post = (_hit, res) => res.socket?.destroy();
    route.get = listing([{ id: 7, name: 'NightlyExport' }]);
    const error = refusal(await console.call('tokens.create', CREATE));
    expect(error.code).toBe('name_taken');
    expect(posts(server)).toHaveLength(1);
  });

  it('the list cannot be read either: the original timeout is answered, still one POST', async () => {
    const { console, server, route } = await signedIn();
    route.post = silent;
    route.get = failing;
    const error = refusal(await console.call('tokens.create', CREATE));
    expect(error.code).toBe('timeout');
    expectNoSecrets(error, server);
    expect(posts(server)).toHaveLength(1);
  });

  it('a create refused outright (500) is neither retried nor reconciled', async () => {
    const { console, server, route } = await signedIn();
    route.post = failing;
    expect(refusal(await console.call('tokens.create', CREATE)).code).toBe('server_error');
    expect(posts(server)).toHaveLength(1);
    expect(listings(server)).toHaveLength(0);
  });
});
