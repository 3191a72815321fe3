import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { antdStyles } from './scripts/antd-styles';
import { buildManifestPlugin } from './scripts/build-manifest';
import { firstScreenChunk } from './scripts/first-screen-chunk';

const firstScreen = firstScreenChunk();

// The one build: `npm run build` writes out/, which `npm start`, `npm run dist`, the e2e suite
// and the bench all use. Source maps are written for debugging and left out of the package
// (electron-builder.yml excludes *.map).
export default defineConfig({
  main: {
    plugins: [buildManifestPlugin('main')],
    build: {
      outDir: 'out/main',
      // Runtime packages stay external: exactly package.json `dependencies` (test/e2e/shipped-build.test.ts).
      externalizeDeps: true,
      sourcemap: true,
      // The snapshot reader's worker thread is an entry of its own: out/main/snapshot-worker.js.
      rolldownOptions: { input: { index: resolve('main/index.ts'), 'snapshot-worker': resolve('main/inventory/snapshot-worker.ts') } },
    },
  },
  preload: {
    plugins: [buildManifestPlugin('preload')],
    build: {
      outDir: 'out/preload',
      // A sandboxed renderer only loads a single CommonJS preload: bundle everything in.
      externalizeDeps: false,
      minify: true,
      sourcemap: true,
      rolldownOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), antdStyles(resolve('.')), buildManifestPlugin('renderer'), firstScreen.plugin],
    build: {
      outDir: 'out/renderer',
      minify: true,
      sourcemap: true,
      // What the first screen loads is one chunk of about 1 MB before gzip; what is watched is
      // the initial download (figure 6a of `npm run bench`) and the start (figure 7).
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        input: { index: resolve('renderer/index.html') },
        output: { codeSplitting: { groups: [{ name: 'first-screen', test: (id) => firstScreen.isInitial(id) }] } },
      },
    },
  },
});
