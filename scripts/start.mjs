// `npm start`: the console against a local demo Wifox API.
// Starts the reference server with demo data on loopback, builds the console, launches Electron.
// Where Electron's binary cannot be obtained (it downloads on first launch), the demo API keeps
// running so it can be used with curl or a console on another machine.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';

const port = process.env.WIFOX_DEMO_PORT ?? '8787';
const dbPath = process.env.WIFOX_DEMO_DB ?? 'data/demo.db';
mkdirSync('data', { recursive: true });

// A fresh admin password each start, shown only on this terminal: nothing to remember on disk.
const adminEmail = process.env.WIFOX_ADMIN_EMAIL ?? 'admin@wifox.local';
const adminPassword = process.env.WIFOX_ADMIN_PASSWORD ?? `Demo-${randomBytes(9).toString('base64url')}1!`;

const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', '--demo', '--host', '127.0.0.1', '--port', port, '--db', dbPath], {
  env: { ...process.env, WIFOX_ADMIN_EMAIL: adminEmail, WIFOX_ADMIN_PASSWORD: adminPassword },
  stdio: ['ignore', 'pipe', 'inherit'],
});

const apiUrl = await new Promise((resolve, reject) => {
  let buffered = '';
  server.stdout.on('data', (chunk) => {
    buffered += chunk.toString();
    const match = /listening on (http:\/\/\S+)/.exec(buffered);
    if (match) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`the demo API exited (${code}) before listening`)));
});

process.stdout.write(`Demo Wifox API: ${apiUrl}\nSign in as ${adminEmail} with password ${adminPassword}\n`);

const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  stop();
  process.exit(build.status ?? 1);
}

// Resolving the electron package downloads its binary when missing, printing the downloader's
// progress and stack trace when that fails: resolve it in a child whose output is kept quiet.
const resolved = spawnSync(process.execPath, ['-e', "console.log('electron-path=' + require('electron'))"], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const electronPath = resolved.status === 0 ? /^electron-path=(.+)$/m.exec(resolved.stdout)?.[1] : undefined;

const launch = electronPath
  ? spawn(electronPath, ['.'], { stdio: 'inherit', env: { ...process.env, WIFOX_API_URL: apiUrl, WIFOX_DEMO_EMAIL: adminEmail, WIFOX_DEMO_PASSWORD: adminPassword } })
  : undefined;
const explain = () =>
  process.stdout.write(`Electron could not be started on this machine, so only the demo API runs, at ${apiUrl} (Ctrl+C stops it).\n`);
if (!launch) explain();
launch?.once('error', explain);
launch?.once('exit', (code) => {
  if (code === 0) stop();
  else explain();
});
server.once('exit', (code) => process.exit(code ?? 0));
