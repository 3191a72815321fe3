// `npm run bench [-- 1 4b ...]`: the benchmark of issue 8 (test/bench/run.ts under tsx).
// Arguments select figures by id prefix; none runs them all. Not part of `npm test`: it prints
// figures, it asserts nothing, and exits non-zero only when it could not run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The console harness persists through electron-store, whose `electron` import would try to
// download Electron's binary in plain Node; this makes it answer a path instead (see vitest.config.ts).
const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: 'electron-is-not-loaded-in-node' };
const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/run.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
