import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkBuild } from '../../../scripts/build-manifest';
import { REPO_ROOT } from './paths';

let done = false;

/**
 * Makes out/ the fresh result of `npm run build`: builds when any recorded source changed.
 * The build runs as its own process with NODE_ENV=production, since Vitest's NODE_ENV=test
 * would give React's development runtime.
 */
export function ensureAppBuild(log: (line: string) => void = () => undefined): void {
  if (done) return;
  const before = checkBuild(REPO_ROOT);
  if (!before.fresh) {
    log(`  building out/ (${before.reasons.slice(0, 3).join('; ')})`);
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${String(result.status)}).`);
  }
  const after = checkBuild(REPO_ROOT);
  if (!after.fresh) throw new Error(`out/ is still not a fresh production build: ${after.reasons.join('; ')}`);
  done = true;
}
