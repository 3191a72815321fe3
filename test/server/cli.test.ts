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

  it('takes the store from WIFOX_DATABASE_URL unless --db names one', () => {
    const env = { WIFOX_DATABASE_URL: 'postgres://wifox@db.internal:5432/wifox' };
    expect(parseCliArgs([], env)).toMatchObject({ db: 'postgres://wifox@db.internal:5432/wifox' });
    expect(parseCliArgs(['--db', '/tmp/x.db'], env)).toMatchObject({ db: '/tmp/x.db' });
    expect(parseCliArgs([], { WIFOX_DATABASE_URL: '  ' })).toMatchObject({ db: 'data/wifox.db' });
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

  async function failedStart(db: string): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', '--port', '0'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, WIFOX_DATABASE_URL: db },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { code, stderr };
  }

  it('prints one clear line and exits 2 when the PostgreSQL URL is broken', async () => {
    const { code, stderr } = await failedStart('postgres://wifox:s3cret@127.0.0.1:5432');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual(['--db: a PostgreSQL URL needs a database name (postgres://user:password@host:5432/database).']);
  }, 60_000);

  it('prints one clear line, without the password, and exits 2 when PostgreSQL refuses the connection', async () => {
    // Port 9 (discard) on loopback: nothing listens there in the test environment.
    const { code, stderr } = await failedStart('postgres://wifox:s3cret@127.0.0.1:9/wifox');
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cannot connect to PostgreSQL at 127\.0\.0\.1:9\/wifox: .*ECONNREFUSED/);
    expect(stderr).not.toContain('s3cret');
  }, 60_000);
});
