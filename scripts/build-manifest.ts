// Ties out/ to the sources it was built from. Each electron-vite target records, next to its
// output, the hash of every repository file that went into its bundle (plus the build's own
// configuration); `checkBuild` recomputes them, so the e2e suite, the bench and a test can tell
// a fresh production build from a stale or development one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

export const BUILD_TARGETS = ['main', 'preload', 'renderer'] as const;
export type BuildTarget = (typeof BUILD_TARGETS)[number];

// What each target must have written for the build to count as complete.
const ENTRY_FILES: Record<BuildTarget, string> = {
  main: 'out/main/index.js',
  preload: 'out/preload/index.cjs',
  renderer: 'out/renderer/index.html',
};

// Inputs that change a bundle without being one of its modules.
const BUILD_INPUTS = [
  'electron.vite.config.ts',
  'scripts/antd-styles.ts',
  'scripts/antd-styles-extract.ts',
  'scripts/build-manifest.ts',
  'scripts/first-screen-chunk.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

type Manifest = { target: BuildTarget; mode: string; nodeEnv: string | null; sources: Record<string, string> };

export const manifestFile = (root: string, target: BuildTarget): string => join(root, 'out', 'build-sources', `${target}.json`);

const hashFile = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

const repoFile = (root: string, id: string): string | null => {
  const path = id.split('?')[0] ?? '';
  if (path.startsWith('\0') || !isAbsolute(path)) return null;
  const within = relative(root, path);
  if (within.startsWith('..') || isAbsolute(within) || within.split(sep).includes('node_modules')) return null;
  return existsSync(path) ? within.split(sep).join('/') : null;
};

export const buildManifestPlugin = (target: BuildTarget, root: string = resolve('.')): Plugin => {
  let mode = 'unknown';
  const sources = new Set<string>();
  return {
    name: 'wifox:build-manifest',
    apply: 'build',
    configResolved(config) {
      mode = config.mode;
    },
    generateBundle() {
      for (const id of this.getModuleIds()) {
        const file = repoFile(root, id);
        if (file) sources.add(file);
      }
    },
    writeBundle() {
      const files = [...new Set([...sources, ...BUILD_INPUTS])].sort();
      const manifest: Manifest = {
        target,
        mode,
        nodeEnv: process.env.NODE_ENV ?? null,
        sources: Object.fromEntries(files.map((file) => [file, hashFile(join(root, file))])),
      };
      mkdirSync(join(root, 'out', 'build-sources'), { recursive: true });
      writeFileSync(manifestFile(root, target), `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
};

export type BuildCheck = { fresh: boolean; reasons: string[] };

// Fresh means: every target built in production mode, its entry present, and no recorded
// source changed or vanished since.
export const checkBuild = (root: string): BuildCheck => {
  const reasons: string[] = [];
  for (const target of BUILD_TARGETS) {
    const file = manifestFile(root, target);
    if (!existsSync(file) || !existsSync(join(root, ENTRY_FILES[target]))) {
      reasons.push(`${target}: not built`);
      continue;
    }
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (manifest.mode !== 'production' || manifest.nodeEnv !== 'production') {
      reasons.push(`${target}: not a production build (mode ${manifest.mode}, NODE_ENV ${String(manifest.nodeEnv)})`);
    }
    for (const [source, hash] of Object.entries(manifest.sources)) {
      const path = join(root, source);
      if (!existsSync(path)) reasons.push(`${target}: ${source} was removed`);
      else if (hashFile(path) !== hash) reasons.push(`${target}: ${source} changed`);
    }
  }
  return { fresh: reasons.length === 0, reasons };
};
