import { rmSync } from 'node:fs';
import { build } from 'vite';
import { ensureAppBuild } from './app-build';
import { E2E_BUILD_DIR, PAGE_BRIDGE_FILE, REPO_ROOT } from './paths';

// The browser loads what `npm run build` wrote to out/renderer (rebuilt here when stale), plus
// the page-side bridge, which is test harness and built on its own.
export default async function setup(): Promise<void> {
  ensureAppBuild((line) => process.stdout.write(`${line}\n`));
  rmSync(E2E_BUILD_DIR, { recursive: true, force: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: REPO_ROOT,
    mode: 'production',
    build: {
      outDir: PAGE_BRIDGE_FILE.replace(/\/[^/]+$/, ''),
      emptyOutDir: true,
      minify: false,
      lib: { entry: `${REPO_ROOT}test/e2e/support/page-bridge.ts`, formats: ['iife'], name: 'WifoxPageBridge', fileName: () => 'page-bridge.js' },
    },
  });
}
