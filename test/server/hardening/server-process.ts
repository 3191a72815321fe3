import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const PROCESS_ADMIN = { email: 'crash@example.test', password: 'Cr4sh-Passw0rd!' };
const ROOT = join(import.meta.dirname, '../../..');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stdout contains a line matching `pattern`. */
  waitForOutput: (pattern: RegExp) => Promise<string>;
}

/**
 * The real server process (`node --import tsx server/src/cli.ts`), so signals reach the server
 * itself and not an npm or npx wrapper. Resolves once it prints its listening line.
 */
export async function spawnServer(dbPath: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', '--port', '0', '--db', dbPath], {
    cwd: ROOT,
    env: { ...process.env, WIFOX_ADMIN_EMAIL: PROCESS_ADMIN.email, WIFOX_ADMIN_PASSWORD: PROCESS_ADMIN.password, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      const line = stdout.split('\n').find((text) => waiter.pattern.test(text));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitForOutput = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const line = stdout.split('\n').find((text) => pattern.test(text));
      if (line !== undefined) return resolve(line);
      waiters.push({ pattern, resolve });
      void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before printing ${pattern}: ${stderr}`)));
    });
  const listening = await waitForOutput(/listening on http:\/\/127\.0\.0\.1:\d+/);
  const port = Number(/:(\d+)/.exec(listening.slice(listening.indexOf('127.0.0.1')))?.[1]);
  return { child, port, exited, stdout: () => stdout, stderr: () => stderr, waitForOutput };
}
