// One chunk for what the renderer's first screen loads. Rolldown otherwise cuts the entry's
// static graph into a chunk per set of lazy pages sharing a module (33 files for one screen),
// and every file is one more request to main's app:// handler before the first line runs.
//
// The graph is walked from the entry along static imports. A package's index re-exports every
// component, so at an index only the names the first screen's own modules import from that
// package are followed (antd's `Button` → antd/es/button/, an icon → its own file): the date
// picker the drawers load lazily stays out. A module the walk misses or adds only changes
// which chunk holds it, never what runs.
import type { Plugin, Rollup } from 'vite';

export type FirstScreenChunk = {
  plugin: Plugin;
  /** For `codeSplitting.groups[].test`: does the first screen load this module? */
  isInitial(id: string): boolean;
};

// Packages the app imports by name through their index.
const BARRELS: Readonly<Record<string, RegExp>> = {
  antd: /\/node_modules\/antd\/es\/index\.js$/,
  '@ant-design/icons': /\/node_modules\/@ant-design\/icons\/es\/index\.js$/,
};

/** An antd component's folder: DatePicker → date-picker. */
export const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The names each of the app's modules imports from each barrel package. */
export function namedImports(code: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
    const pkg = match[2] ?? '';
    if (!(pkg in BARRELS)) continue;
    const names = (match[1] ?? '')
      .split(',')
      .map((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]?.trim() ?? '')
      .filter(Boolean);
    found.set(pkg, [...(found.get(pkg) ?? []), ...names]);
  }
  return found;
}

function walk(context: Rollup.PluginContext, follow: (id: string, imported: readonly string[]) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...context.getModuleIds()].filter((id) => context.getModuleInfo(id)?.isEntry === true);
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...follow(id, context.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

export function firstScreenChunk(): FirstScreenChunk {
  let initial = new Set<string>();
  const imports = new Map<string, Map<string, string[]>>();
  const plugin: Plugin = {
    name: 'wifox-first-screen-chunk',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/node_modules/') && /\.[jt]sx?$/.test(id)) imports.set(id, namedImports(code));
      return null;
    },
    buildEnd() {
      // The app's own modules on the first screen, then what they import by name.
      const appModules = walk(this, (_id, imported) => imported.filter((child) => !child.includes('/node_modules/')));
      const names = new Map<string, Set<string>>(Object.keys(BARRELS).map((pkg) => [pkg, new Set<string>()]));
      for (const id of appModules) for (const [pkg, list] of imports.get(id) ?? []) for (const name of list) names.get(pkg)?.add(name);
      const used = (pkg: string, child: string): boolean => [...(names.get(pkg) ?? [])].some((name) => child.includes(`/${kebab(name)}/`) || child.endsWith(`/${name}.js`));
      initial = walk(this, (id, imported) => {
        const barrel = Object.keys(BARRELS).find((pkg) => BARRELS[pkg]?.test(id));
        return barrel === undefined ? imported : imported.filter((child) => used(barrel, child));
      });
    },
  };
  return { plugin, isInitial: (id) => initial.has(id) };
}
