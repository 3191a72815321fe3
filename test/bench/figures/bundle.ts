import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT, RENDERER_BUILD_DIR } from '../../e2e/support/paths';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { ensureRendererBuild } from '../console/renderer-build';
import { round } from '../stats';

const INITIAL_JS: FigureSpec = { id: '6a', label: 'Renderer bundle: initial JavaScript, gzipped', unit: 'kB', goal: { op: '<=', target: 450 } };
const TOTAL_JS: FigureSpec = { id: '6b', label: 'Renderer bundle: all JavaScript, gzipped', unit: 'kB', goal: null };
const PRELOAD: FigureSpec = { id: '6c', label: 'Preload script', unit: 'kB', goal: { op: '<=', target: 10 } };

// What index.html makes the browser fetch before the app can start: the module entry scripts
// and the modules it preloads. Lazily imported chunks are not initial.
function initialScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1] as string);
  return [...new Set([...sources, ...preloads])];
}

const sizes = (files: readonly string[]): { raw: number; gzipped: number } => {
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const content = readFileSync(join(RENDERER_BUILD_DIR, file));
    raw += content.length;
    gzipped += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzipped };
};

export const bundle: BenchModule = {
  name: 'renderer bundle (figure 6)',
  specs: [INITIAL_JS, TOTAL_JS, PRELOAD],
  async run({ log }) {
    log('  checking out/ (npm run build)');
    await ensureRendererBuild();
    const html = readFileSync(join(RENDERER_BUILD_DIR, 'index.html'), 'utf8');
    const initial = initialScripts(html);
    if (initial.length === 0) throw new Error('index.html loads no module script.');
    const all = readdirSync(join(RENDERER_BUILD_DIR, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => `assets/${file}`);
    const first = sizes(initial);
    const total = sizes(all);
    const preload = statSync(join(REPO_ROOT, 'out/preload/index.cjs')).size;
    return [
      measured(INITIAL_JS, round(first.gzipped / 1000, 1), `${initial.length} file(s), ${round(first.raw / 1000, 1)} kB minified before gzip (level 9); out/renderer as \`npm run build\` writes it`),
      measured(TOTAL_JS, round(total.gzipped / 1000, 1), `${all.length} file(s), ${round(total.raw / 1000, 1)} kB minified; the rest loads when a section or tab first opens`),
      measured(PRELOAD, round(preload / 1000, 2), 'out/preload/index.cjs, minified, not gzipped'),
    ];
  },
};
