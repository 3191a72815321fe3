import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/src/app';
import type { RoleItem } from '../../shared/api/roles';
import type { CreateTokenResponse } from '../../shared/api/tokens';
import type { LeakCheckResult } from '../../shared/ipc/leaks-contract';
import { buildConsole, type TestConsole } from './support/console';
import { ADMIN } from './support/reference-server';
import { expectOk, signIn } from './support/sign-in';

// The leaked-secret check against the real API, with every request body the server receives
// recorded: the secrets found in the text must reach it as hashes only.
let app: FastifyInstance;
let dir: string;
let console: TestConsole;
const bodies: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wifox-main-leaks-'));
  app = await buildServer({ dbPath: join(dir, 'wifox.db'), admin: ADMIN, demo: true, scryptCost: { N: 2 ** 10, r: 8, p: 1 } });
  app.addHook('preHandler', async (request) => {
    if (request.body !== undefined) bodies.push(JSON.stringify(request.body));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  console = buildConsole();
  await signIn(console, `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('leaks.check in main', () => {
  it('sends only SHA-256 hashes of the well-formed secrets, and answers hints and tokens, never a secret', async () => {
    const roles = expectOk<RoleItem[]>(await console.call('roles.list'));
    const roleId = (roles.find((role) => role.name === 'Read-only Clients') as RoleItem).id;
    const live = expectOk<CreateTokenResponse>(await console.call('tokens.create', { name: 'Leaked in main', roleId }));
    const forged = `${live.secret.slice(0, -1)}${live.secret.endsWith('A') ? 'B' : 'A'}`;
    const text = `config: ${live.secret}\nforged: ${forged}`;
    bodies.length = 0;

    const result = expectOk<LeakCheckResult>(await console.call('leaks.check', { text }));
    expect(result.findings).toEqual([
      expect.objectContaining({ hint: live.secret.slice(0, 8), status: 'current', token: expect.objectContaining({ name: 'Leaked in main' }) }),
      { hint: forged.slice(0, 8), status: 'malformed' },
    ]);
    expect(JSON.stringify(result)).not.toContain(live.secret.slice(8));
    const sent = bodies.join('\n');
    expect(sent).toMatch(/"hashes":\["[0-9a-f]{64}"\]/);
    expect(sent).not.toContain(live.secret.slice(4, 36));
    expect(sent).not.toContain(forged.slice(4, 36));
  });

  it('asks the server nothing when the text holds no well-formed secret', async () => {
    bodies.length = 0;
    const result = expectOk<LeakCheckResult>(await console.call('leaks.check', { text: 'nothing here but wfx_short' }));
    expect(result.findings).toEqual([{ hint: 'wfx_shor', status: 'malformed' }]);
    expect(bodies).toEqual([]);
  });
});
