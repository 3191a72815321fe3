// antd writes its components' CSS at run time, the first time each one renders: about a fifth of
// the renderer's start went into making, hashing and inserting those styles. The build writes
// them instead, for the console's themes and the components the renderer imports (with those
// they draw), into the entry's stylesheet (main.tsx imports `virtual:antd-styles.css`). The file
// ends with antd's map of style paths (`.data-ant-cssinjs-cache-path`). A production renderer
// runs antd with `zeroRuntime` (renderer/app/Providers.tsx): it makes no component style at all,
// so a component the file misses is drawn bare; the screens test checks every screen's
// components against the map.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { kebab, namedImports } from './first-screen-chunk';

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

// `date-picker` is DatePicker; the static APIs App.useApp() hands out keep their folder's name.
const exportName = (folder: string): string => (folder === 'message' || folder === 'notification' ? folder : folder.replace(/(?:^|-)([a-z])/g, (_match, c: string) => c.toUpperCase()));

// Folders every component imports for contexts, tokens and texts: they draw no component but the
// config provider's default empty state.
const DRAWS_NO_COMPONENT: Record<string, string[]> = { 'config-provider': ['empty'], theme: [], locale: [], style: [], version: [] };

/**
 * `names` and every antd component their modules import, at any depth (Table draws Dropdown for
 * its filters, Tabs for its overflow): the renderer runs antd without generating styles, so a
 * component drawn only in some state must have its rules in the file too. Read from antd's `es`
 * folder, one folder a component (App's draws `message` and `notification`).
 */
export function withDrawnComponents(antdEsDir: string, names: readonly string[]): string[] {
  const folders = new Set(readdirSync(antdEsDir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? [entry.name] : [])));
  const importedFolders = (folder: string): string[] => {
    const drawn = DRAWS_NO_COMPONENT[folder];
    if (drawn !== undefined) return drawn;
    const found = new Set<string>();
    for (const file of readdirSync(join(antdEsDir, folder), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.js') || file.startsWith('style')) continue;
      for (const match of readFileSync(join(antdEsDir, folder, file), 'utf8').matchAll(/from\s*['"](?:\.\.\/)+([a-z-]+)(?:\/[^'"]*)?['"]/g)) {
        if (folders.has(match[1] ?? '')) found.add(match[1] ?? '');
      }
    }
    return [...found];
  };
  const result = new Set(names);
  const pending = names.map(kebab).filter((folder) => folders.has(folder));
  const seen = new Set(pending);
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const child of importedFolders(folder)) {
      if (seen.has(child)) continue;
      seen.add(child);
      pending.push(child);
      if (!(child in DRAWS_NO_COMPONENT)) result.add(exportName(child));
    }
  }
  return [...result].sort();
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
      return execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'antd-styles-extract.ts'), ...withDrawnComponents(join(root, 'node_modules', 'antd', 'es'), importedComponents(join(root, 'renderer')))], {
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 64 * 1024 * 1024,
      });
    },
  };
}
