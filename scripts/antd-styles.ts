// antd writes its components' CSS at run time, the first time each one renders: about a fifth of
// the renderer's start went into making, hashing and inserting those styles. The build writes
// them instead, for the console's themes and the components the renderer imports, into the
// entry's stylesheet (main.tsx imports `virtual:antd-styles.css`). The file ends with antd's map
// of style paths (`.data-ant-cssinjs-cache-path`), which its runtime reads once to skip every
// style listed there. A style the file misses, or a hash that no longer matches, is generated
// at run time as before: what the file changes is when styles are made, never which.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { namedImports } from './first-screen-chunk';

const MODULE_ID = 'virtual:antd-styles.css';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** The names the renderer's modules import from antd (types too: the extractor keeps components). */
function importedComponents(rendererDir: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(rendererDir, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(file)) continue;
    for (const name of namedImports(readFileSync(join(rendererDir, file), 'utf8')).get('antd') ?? []) names.add(name);
  }
  return [...names].sort();
}

/** `root`: the repository's folder (this file is bundled into the build's config elsewhere). */
export function antdStyles(root: string): Plugin {
  let production = false;
  return {
    name: 'wifox-antd-styles',
    configResolved(config) {
      production = config.command === 'build' && config.mode === 'production';
    },
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      // Under `electron-vite dev` antd names its hashes for development: nothing here would match.
      if (!production) return '';
      return execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'antd-styles-extract.ts'), ...importedComponents(join(root, 'renderer'))], {
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 64 * 1024 * 1024,
      });
    },
  };
}
