import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/src/app';
import { TrustProxyError, createAddressResolver } from '../../server/src/public/client-address';
import {
  TEST_SCRYPT,
  createToken,
  login,
  request,
  roleId,
  startServer,
  tempDir,
  type ErrorReply,
  type Started,
  type TokenReply,
} from './harness';

describe('createAddressResolver', () => {
  const resolve = createAddressResolver(['10.0.0.0/8', '2001:db8:ab::/48']);

  it('uses the socket address, unmapping IPv4-mapped IPv6', () => {
    expect(resolve('::ffff:192.0.2.7', undefined)).toBe('192.0.2.7');
    expect(resolve('::FFFF:c000:0207', undefined)).toBe('192.0.2.7');
    expect(resolve('2001:DB8::1', undefined)).toBe('2001:db8::1');
  });

  it('ignores X-Forwarded-For from an untrusted peer', () => {
    expect(resolve('192.0.2.7', '203.0.113.9')).toBe('192.0.2.7');
    expect(createAddressResolver([])('127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('reads X-Forwarded-For from the right, skipping trusted proxies', () => {
    expect(resolve('10.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    expect(resolve('::ffff:10.0.0.1', '198.51.100.1, 203.0.113.9, 10.1.1.1')).toBe('203.0.113.9');
    expect(resolve('10.0.0.1', ['198.51.100.1', '10.2.2.2'])).toBe('198.51.100.1');
    expect(resolve('10.0.0.1', '::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(resolve('2001:db8:ab::5', '2001:db8:1::9')).toBe('2001:db8:1::9');
  });

  it('stops at the last trusted hop when a hop is not an address', () => {
    expect(resolve('10.0.0.1', '203.0.113.9, not-an-ip')).toBe('10.0.0.1');
    expect(resolve('10.0.0.1', '203.0.113.9, 10.0.0.2, unknown')).toBe('10.0.0.1');
    expect(resolve('10.0.0.1', '10.0.0.3, 10.0.0.2')).toBe('10.0.0.3');
  });

  it('refuses a --trust-proxy entry that is not an address or range', () => {
    expect(() => createAddressResolver(['10.0.0.1/8'])).toThrow(TrustProxyError);
    expect(() => createAddressResolver(['proxy.local'])).toThrow(TrustProxyError);
  });

  it('names the first bad --trust-proxy entry and says what is wrong with it', () => {
    expect(() => createAddressResolver(['10.0.0.0/8', 'proxy.local', '10.0.0.1/8'])).toThrow(
      '--trust-proxy: "proxy.local" is not an IP address or CIDR range ("proxy.local" is not an IP address or a CIDR range.).',
    );
    expect(() => createAddressResolver(['10.0.0.0/8', '10.0.0.0/8'])).toThrow(
      '--trust-proxy: "10.0.0.0/8" is not an IP address or CIDR range (10.0.0.0/8 is already in the list; remove the duplicate.).',
    );
  });

  it('trusts no peer when no proxy is configured, and reads nothing without a header', () => {
    const none = createAddressResolver([]);
    for (const peer of ['127.0.0.1', '::1', '10.0.0.1', '0.0.0.0']) expect(none(peer, '203.0.113.9')).toBe(peer);
    expect(resolve('10.0.0.1', undefined)).toBe('10.0.0.1');
    expect(resolve(undefined, '203.0.113.9')).toBe('unknown');
    expect(resolve('not-an-ip', '203.0.113.9')).toBe('unknown');
  });

  it('reads the header from a peer in a configured range, built anew', () => {
    const fresh = createAddressResolver(['192.0.2.0/24']);
    expect(fresh('192.0.2.9', '198.51.100.4')).toBe('198.51.100.4');
    expect(fresh('192.0.3.9', '198.51.100.4')).toBe('192.0.3.9');
    expect(fresh(undefined, '198.51.100.4')).toBe('unknown');
  });

  it('trims each hop and walks every hop, the leftmost included', () => {
    expect(resolve('10.0.0.1', ' 203.0.113.9 ,10.0.0.2 ')).toBe('203.0.113.9');
    expect(resolve('10.0.0.1', ['203.0.113.9, 10.0.0.5', '10.0.0.2'])).toBe('203.0.113.9');
    expect(resolve('10.0.0.1', '10.0.0.3')).toBe('10.0.0.3');
    expect(resolve('10.0.0.1', '')).toBe('10.0.0.1');
  });
});

describe('X-Forwarded-For over HTTP', () => {
  let direct: Started;
  let proxied: Started;
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    direct = await startServer({ demo: true });
    proxied = await startServer({ demo: true, trustProxy: ['127.0.0.2/32'] });
    for (const server of [direct, proxied]) {
      const admin = await login(server.port);
      const { secret } = await createToken(server.port, admin, {
        name: 'BehindProxy',
        roleId: await roleId(server.port, admin, 'Read-only Clients'),
        whitelist: ['203.0.113.9'],
      });
      secrets[server.port] = secret;
    }
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  const verify = (server: Started, from: string, xff: string) =>
    request<ErrorReply>(server.port, '/api/public/tokens/verify', {
      localAddress: from,
      headers: { authorization: secrets[server.port] as string, 'x-forwarded-for': xff },
    });

  it('ignores a spoofed header when no proxy is trusted', async () => {
    const reply = await verify(direct, '127.0.0.2', '203.0.113.9');
    expect(reply.status).toBe(403);
    expect(reply.body.message).toContain('127.0.0.2');
  });

  it('honours the header from a trusted proxy only', async () => {
    expect((await verify(proxied, '127.0.0.2', '203.0.113.9')).status).toBe(200);
    const untrusted = await verify(proxied, '127.0.0.3', '203.0.113.9');
    expect(untrusted.status).toBe(403);
    expect(untrusted.body.message).toContain('127.0.0.3');
  });

  it('takes the rightmost untrusted hop, not a value the client prepended', async () => {
    expect((await verify(proxied, '127.0.0.2', '203.0.113.9, 127.0.0.2')).status).toBe(200);
    const spoofed = await verify(proxied, '127.0.0.2', '203.0.113.9, 198.51.100.1');
    expect(spoofed.status).toBe(403);
    expect(spoofed.body.message).toContain('198.51.100.1');
  });

  it('refuses to start with an invalid --trust-proxy entry', async () => {
    const { dir, remove } = tempDir();
    await expect(buildServer({ dbPath: `${dir}/x.db`, trustProxy: ['10.0.0.1/8'], scryptCost: TEST_SCRYPT })).rejects.toThrow(TrustProxyError);
    remove();
  });
});

describe('a dual-stack listener', () => {
  let server: Started;

  beforeAll(async () => {
    server = await startServer({ demo: true }, '::');
  });
  afterAll(async () => {
    await server.close();
  });

  it('matches an IPv4 client (seen as ::ffff:127.0.0.1) against an IPv4 rule and records it unmapped', async () => {
    const admin = await login(server.port);
    const { token, secret } = await createToken(server.port, admin, {
      name: 'DualStack',
      roleId: await roleId(server.port, admin, 'Read-only Clients'),
      whitelist: ['127.0.0.1'],
    });
    const v4 = await request(server.port, '/api/public/clients', { host: '127.0.0.1', headers: { authorization: secret } });
    expect(v4.status).toBe(200);
    const v6 = await request<ErrorReply>(server.port, '/api/public/clients', { host: '::1', headers: { authorization: secret } });
    expect(v6.status).toBe(403);
    expect(v6.body.message).toContain('::1');
    const stored = await request<TokenReply>(server.port, `/api/admin/identification-tokens/${token.id}`, { headers: admin.auth });
    expect(stored.body.lastUsedIp).toBe('127.0.0.1');
  });

  it('matches a mapped IPv6 rule against an IPv4 client', async () => {
    const admin = await login(server.port);
    const { secret } = await createToken(server.port, admin, {
      name: 'MappedRule',
      roleId: await roleId(server.port, admin, 'Read-only Clients'),
      whitelist: ['::ffff:127.0.0.0/104'],
    });
    expect((await request(server.port, '/api/public/clients', { host: '127.0.0.1', localAddress: '127.0.0.3', headers: { authorization: secret } })).status).toBe(200);
  });
});
