import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditPageResult } from '../../shared/ipc/audit-contract';
import { buildConsole, type TestConsole } from './support/console';
import { startReferenceServer, type ReferenceServer } from './support/reference-server';
import { expectOk, signIn } from './support/sign-in';

// Main's side of Security → Audit log against the real reference API: the CSV export goes
// through the inventory export's formula neutralisation, and when the server is gone the page
// is answered from the window of recent events kept on disk, marked as cached.
const FORMULA = '=HYPERLINK("http://evil.example","x")@example.test';
let server: ReferenceServer;
let closed = false;
let userDataDir: string;
let console_: TestConsole;
const saves: string[] = [];

beforeAll(async () => {
  server = await startReferenceServer();
  userDataDir = mkdtempSync(join(tmpdir(), 'wifox-audit-main-'));
  console_ = buildConsole({
    userDataDir,
    dialogs: { chooseSavePath: async () => saves.shift() ?? null, chooseOpenPath: async () => null },
  });
  // A failed sign-in records what was typed as the e-mail: a spreadsheet formula here.
  const failed = await fetch(`${server.url}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: FORMULA, password: 'wrong-password' }),
  });
  expect(failed.status).toBe(401);
  await signIn(console_, server.url);
});
afterAll(async () => {
  if (!closed) await server.close();
});

describe('audit log in main', () => {
  it('exports the filtered events as CSV with formulas neutralised, then answers offline from the cached window', async () => {
    const live = expectOk<AuditPageResult>(await console_.call('auditLog.page', { filter: { action: 'login.failed' }, limit: 50 }));
    expect(live.cachedAt).toBeNull();
    expect(live.items.map((event) => event.actor.name)).toEqual([FORMULA]);

    const csv = join(userDataDir, 'audit.csv');
    saves.push(csv);
    expect(expectOk(await console_.call('auditLog.export', { filter: { action: 'login.failed' } }))).toEqual({ filePath: csv, count: 1, cachedAt: null });
    const [header, row, more] = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Time,Time (UTC),Action,Actor,Actor type,Token,Token id,Address,Reason,Changes');
    expect(row).toContain(`login.failed,"'=HYPERLINK(""http://evil.example"",""x"")@example.test",employee`);
    expect(more).toBe('');

    const cacheFile = join(userDataDir, 'audit', `${console_.services.session.activeProfileId() ?? 'none'}.json`);
    await vi.waitFor(() => expect(existsSync(cacheFile)).toBe(true));
    expect(readFileSync(cacheFile, 'utf8')).not.toContain('wrong-password');

    await server.close();
    closed = true;
    const offline = expectOk<AuditPageResult>(await console_.call('auditLog.page', { filter: { action: 'login.failed' }, limit: 50 }));
    expect(offline.cachedAt).not.toBeNull();
    expect(offline.items.map((event) => event.actor.name)).toEqual([FORMULA]);
    expect(expectOk<AuditPageResult>(await console_.call('auditLog.page', { filter: { action: 'token.deleted' }, limit: 50 })).items).toEqual([]);
  });
});
