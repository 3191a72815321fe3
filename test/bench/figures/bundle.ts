import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RENDERER_BUILD_DIR } from '../../e2e/support/paths';
import { measured, type BenchModule, type FigureSpec } from '../figure';
import { ensureRendererBuild } from '../console/renderer-build';
import { round } from '../stats';

const INITIAL_JS: FigureSpec = { id: '6', label: 'Renderer bundle: initial JavaScript, gzipped', unit: 'kB', goal: { op: '<=', target: 700 } };

// What index.html makes the browser fetch before the app can start: the module entry scripts
// and the modules it preloads. Lazily imported chunks are not initial.
function initialScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1] as string);
  return [...new Set([...sources, ...preloads])];
}

export const bundle: BenchModule = {
  name: 'renderer bundle (figure 6)',
  specs: [INITIAL_JS],
  async run({ log }) {
    log('  building the renderer');
    await ensureRendererBuild();
    const html = readFileSync(join(RENDERER_BUILD_DIR, 'index.html'), 'utf8');
    const files = initialScripts(html);
    if (files.length === 0) throw new Error('index.html loads no module script.');
    let raw = 0;
    let gzipped = 0;
    for (const file of files) {
      const content = readFileSync(join(RENDERER_BUILD_DIR, file));
      raw += content.length;
      gzipped += gzipSync(content, { level: 9 }).length;
    }
    return [
      measured(INITIAL_JS, round(gzipped / 1000, 1), `${files.length} file(s), ${round(raw / 1000, 1)} kB before gzip (level 9); vite production build of renderer/ as the e2e suite builds it`),
    ];
  },
};
