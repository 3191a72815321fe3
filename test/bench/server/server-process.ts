import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PORT_LINE, type BenchServerOptions } from './bench-server-options';

const ENTRY = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// USER_HZ: 100 on every Linux the bench runs on.
const CLOCK_TICKS = 100;

export type ServerProcess = {
  pid: number;
  url: string;
  /** Resident set size of the server process, in bytes (Linux /proc). */
  rss(): number;
  /** CPU time (user + system) the server process has used, in ms (Linux /proc, 10 ms steps). */
  cpuMs(): number;
  stop(): Promise<void>;
};

/** Starts bench-server.ts under tsx in a child process and waits for its port. */
export async function startServerProcess(options: BenchServerOptions): Promise<ServerProcess> {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the server under load.
  const extraArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...extraArgs, '--import', 'tsx', ENTRY], {
    cwd: REPO_ROOT,
    env: { ...process.env, BENCH_SERVER_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')));
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const match = new RegExp(`${PORT_LINE}(\\d+)`).exec(buffered);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The bench server exited (${code}) before listening: ${errors.join('').slice(0, 2000)}`)));
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('The bench server has no pid.');
  return {
    pid,
    url: `http://127.0.0.1:${port}`,
    rss() {
      const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (!match) throw new Error('No VmRSS line.');
      return Number(match[1]) * 1024;
    },
    cpuMs() {
      // Fields after the command name: state is the first, utime and stime the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}
