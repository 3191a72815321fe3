import react from '@vitejs/plugin-react';
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { E2E_BUILD_DIR, PAGE_BRIDGE_FILE, RENDERER_BUILD_DIR, REPO_ROOT } from './paths';

// Builds what the browser loads: the production renderer bundle and the page-side bridge.
export default async function setup(): Promise<void> {
  rmSync(E2E_BUILD_DIR, { recursive: true, force: true });
  // Vitest runs with NODE_ENV=test, which would give React's development JSX runtime and antd's
  // development styles: the browser must get the production build users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildAll();
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

async function buildAll(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: `${REPO_ROOT}renderer`,
    mode: 'production',
    base: './',
    plugins: [react()],
    build: { outDir: RENDERER_BUILD_DIR, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 },
  });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: REPO_ROOT,
    build: {
      outDir: PAGE_BRIDGE_FILE.replace(/\/[^/]+$/, ''),
      emptyOutDir: true,
      minify: false,
      lib: { entry: `${REPO_ROOT}test/e2e/support/page-bridge.ts`, formats: ['iife'], name: 'WifoxPageBridge', fileName: () => 'page-bridge.js' },
    },
  });
}
