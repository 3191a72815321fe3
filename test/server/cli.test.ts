import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../server/src/cli-args';
import { request, tempDir } from './harness';

const { dir, remove } = tempDir('wifox-cli-');
afterAll(() => remove());

describe('command line arguments', () => {
  it('has the documented defaults', () => {
    expect(parseCliArgs([])).toEqual({ host: '127.0.0.1', port: 8787, db: 'data/wifox.db', timeZone: 'UTC', demo: false, trustProxy: [] });
  });

  it('reads every option, with comma-separated and repeated proxy lists', () => {
    expect(parseCliArgs(['--host', '::', '--port', '0', '--db', '/tmp/x.db', '--timezone', 'Europe/Paris', '--demo',
      '--trust-proxy', '10.0.0.0/8,192.168.0.1', '--trust-proxy', '::1'])).toEqual({
      host: '::', port: 0, db: '/tmp/x.db', timeZone: 'Europe/Paris', demo: true, trustProxy: ['10.0.0.0/8', '192.168.0.1', '::1'],
    });
  });

  it('refuses unknown options and invalid values', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--timezone', 'Mars/Olympus'])).toThrow(UsageError);
  });
});

describe('the server process', () => {
  it('prints the listening line, serves, and exits 0 on SIGTERM', async () => {
    // node --import tsx is the server process itself; `npx tsx` would add npm, which re-raises
    // the signal on itself and so never reports the server's own exit code.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', '--port', '0', '--db', join(dir, 'cli.db'), '--demo'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, WIFOX_ADMIN_EMAIL: 'cli@example.test', WIFOX_ADMIN_PASSWORD: 'Cl1-Passw0rd!' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
        if (match) resolve(Number(match[1]));
      });
      void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const reply = await request(port, '/api/admin/auth/login', { json: { email: 'cli@example.test', password: 'Cl1-Passw0rd!' } });
    expect(reply.status).toBe(200);
    // An env account means no generated password is printed.
    expect(stdout).not.toContain('password');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain('Error');
  }, 60_000);

  it('prints a usage error and exits 2 on a bad option', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', '--port', 'abc'], { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run server');
  }, 60_000);
});
