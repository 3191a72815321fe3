import { afterEach, describe, expect, it } from 'vitest';
import { type AdminAuth, WifoxClient } from '../../main/api/wifox-client';
import { AppError, isAppError } from '../../main/errors';
import { closedPortUrl, json, startStubServer, type StubServer } from './support/stub-server';

const stubs: StubServer[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

const auth: AdminAuth = { accessToken: async () => 'wfa_current', renew: async () => 'wfa_renewed' };

const stub = async (...args: Parameters<typeof startStubServer>): Promise<StubServer> => {
  const server = await startStubServer(...args);
  stubs.push(server);
  return server;
};

const failureOf = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
};

const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof WifoxClient>[0]> = {}): WifoxClient =>
  new WifoxClient({ baseUrl, auth, retryDelayMs: 5, ...extra });

describe('WifoxClient base URL', () => {
  it('refuses plain http to a remote host before sending anything', () => {
    expect(() => client('http://wifox.example.com')).toThrow(AppError);
    try {
      client('http://wifox.example.com');
    } catch (error) {
      expect(isAppError(error, 'insecure_url')).toBe(true);
    }
    expect(client('https://wifox.example.com').baseUrl).toBe('https://wifox.example.com');
    expect(client('http://[::1]:8787').baseUrl).toBe('http://[::1]:8787');
  });
});

describe('WifoxClient retries', () => {
  it('retries an idempotent request once after a 503 and succeeds', async () => {
    const server = await stub((_hit, count, res) => (count === 1 ? json(res, 503, {}) : json(res, 200, { items: [] })));
    await expect(client(server.url).modules()).resolves.toEqual({ items: [] });
    expect(server.hits.map((hit) => hit.method)).toEqual(['GET', 'GET']);
  });

  it('retries only once: a second gateway error is a server_error', async () => {
    const server = await stub((_hit, _count, res) => json(res, 502, {}));
    expect((await failureOf(client(server.url).roles())).code).toBe('server_error');
    expect(server.hits).toHaveLength(2);
  });

  it('retries a GET after a dropped connection', async () => {
    const server = await stub((_hit, count, res) => (count === 1 ? res.socket?.destroy() : json(res, 200, { items: [] })));
    await expect(client(server.url).modules()).resolves.toEqual({ items: [] });
    expect(server.hits).toHaveLength(2);
  });

  it('never retries a POST, whether the gateway failed or the connection dropped', async () => {
    const gateway = await stub((_hit, _count, res) => json(res, 503, {}));
    expect((await failureOf(client(gateway.url).createToken({ name: 'Batch', roleId: 1 }))).code).toBe('server_error');
    expect(gateway.hits).toHaveLength(1);

    const dropped = await stub((_hit, _count, res) => res.socket?.destroy());
    expect((await failureOf(client(dropped.url).createToken({ name: 'Batch', roleId: 1 }))).code).toBe('offline');
    expect(dropped.hits).toHaveLength(1);
  });

  it('does not retry a 500', async () => {
    const server = await stub((_hit, _count, res) => json(res, 500, { statusCode: 500, code: 'internal_error', message: 'boom' }));
    expect((await failureOf(client(server.url).modules())).code).toBe('server_error');
    expect(server.hits).toHaveLength(1);
  });
});

describe('WifoxClient error mapping for faults', () => {
  it('maps 403 to forbidden with the server message', async () => {
    const server = await stub((_hit, _count, res) =>
      json(res, 403, { statusCode: 403, code: 'forbidden', message: 'You need the manage right on Security.' }),
    );
    const failure = await failureOf(client(server.url).deleteToken(3));
    expect(failure.code).toBe('forbidden');
    expect(failure.message).toBe('You need the manage right on Security.');
  });

  it('maps 429 to rate_limited with the Retry-After seconds', async () => {
    const server = await stub((_hit, _count, res) =>
      json(res, 429, { statusCode: 429, code: 'rate_limited', message: 'slow down' }, { 'retry-after': '7' }),
    );
    const failure = await failureOf(client(server.url).getToken(1));
    expect(failure.code).toBe('rate_limited');
    expect(failure.retryAfterSeconds).toBe(7);
  });

  it('answers bad_response to HTML, to JSON of the wrong shape, and to a redirect', async () => {
    const html = await stub((_hit, _count, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Captive portal</body></html>');
    });
    expect((await failureOf(client(html.url).modules())).code).toBe('bad_response');

    const shape = await stub((_hit, _count, res) => json(res, 200, { items: [{ key: 42 }] }));
    expect((await failureOf(client(shape.url).modules())).code).toBe('bad_response');

    const redirect = await stub((_hit, _count, res) => {
      res.writeHead(302, { location: 'https://elsewhere.example/steal' });
      res.end();
    });
    expect((await failureOf(client(redirect.url).modules())).code).toBe('bad_response');
    expect(redirect.hits).toHaveLength(1);
  });

  it('gives timeout when the server says nothing', async () => {
    const server = await stub(() => undefined);
    const failure = await failureOf(client(server.url, { timeoutMs: 150 }).modules());
    expect(failure.code).toBe('timeout');
  });

  it('gives offline when nothing listens', async () => {
    const url = await closedPortUrl();
    const reachability: boolean[] = [];
    const failure = await failureOf(client(url, { onReachability: (up) => reachability.push(up) }).modules());
    expect(failure.code).toBe('offline');
    expect(reachability).toContain(false);
  });

  it('sends If-Match with the version on update, and the bearer token only to its own server', async () => {
    const token = {
      id: 4, name: 'Nightly', roleId: 2, roleName: 'Analytics Only', permissions: ['Analytics'], whitelist: [],
      expiresOn: null, expiresAt: null, status: 'active', createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: { id: 1, name: 'Ada' }, updatedAt: '2026-01-02T00:00:00.000Z', lastUsedAt: null, lastUsedIp: null,
      secretHint: 'wfx_AbCd', version: 8,
    };
    const server = await stub((_hit, _count, res) => json(res, 200, token));
    await client(server.url).updateToken(4, 7, { name: 'Nightly' });
    expect(server.hits[0]).toMatchObject({ method: 'PATCH', url: '/api/admin/identification-tokens/4' });
    expect(server.hits[0]?.headers['if-match']).toBe('"7"');
    expect(server.hits[0]?.headers.authorization).toBe('Bearer wfa_current');
    expect(JSON.parse(server.hits[0]?.body ?? '')).toEqual({ name: 'Nightly' });
  });

  it('renews once on 401 and retries with the new token', async () => {
    const server = await stub((hit, _count, res) =>
      hit.headers.authorization === 'Bearer wfa_renewed'
        ? json(res, 200, { items: [] })
        : json(res, 401, { statusCode: 401, code: 'session_expired', message: 'expired' }),
    );
    await expect(client(server.url).modules()).resolves.toEqual({ items: [] });
    expect(server.hits.map((hit) => hit.headers.authorization)).toEqual(['Bearer wfa_current', 'Bearer wfa_renewed']);
  });

  it('keeps URLs, headers and tokens out of every error message', async () => {
    const server = await stub((_hit, count, res) =>
      count % 2 === 0 ? res.socket?.destroy() : json(res, 500, { statusCode: 500, code: 'x', message: 'Bearer wfa_leaky' }),
    );
    const messages: string[] = [];
    for (const call of [() => client(server.url).modules(), () => client(server.url).createToken({ name: 'A', roleId: 1 })]) {
      messages.push((await failureOf(call())).message);
    }
    messages.push((await failureOf(client(await closedPortUrl()).modules())).message);
    for (const message of messages) {
      expect(message).not.toMatch(/127\.0\.0\.1|Bearer|wfa_|authorization|ECONN/i);
    }
  });
});
