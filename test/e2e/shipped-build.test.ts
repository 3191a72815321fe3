import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_TARGETS, checkBuild, manifestFile } from '../../scripts/build-manifest';
import { REPO_ROOT, RENDERER_BUILD_DIR } from './support/paths';
import { startRendererServer } from './support/renderer-server';

// What ships is what is tested: the suite serves out/ as `npm run build` wrote it (global setup
// rebuilds it when stale), and out/main's imports are exactly the package's dependencies.
const OUT = join(REPO_ROOT, 'out');

describe('the e2e suite runs on out/', () => {
  it('serves out/renderer, file for file', async () => {
    expect(RENDERER_BUILD_DIR).toBe(join(OUT, 'renderer'));
    const server = await startRendererServer();
    try {
      const html = readFileSync(join(OUT, 'renderer/index.html'), 'utf8');
      expect(await (await fetch(`${server.origin}/`)).text()).toBe(html);
      const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) {
        const served = Buffer.from(await (await fetch(`${server.origin}/${script}`)).arrayBuffer());
        expect(served.equals(readFileSync(join(OUT, 'renderer', script))), script).toBe(true);
      }
    } finally {
      await server.close();
    }
  });

  it('out/ is a production build of the current sources', () => {
    expect(checkBuild(REPO_ROOT)).toEqual({ fresh: true, reasons: [] });
  });

  it('is minified, split, with source maps beside it, and the preload carries no zod', () => {
    const assets = readdirSync(join(OUT, 'renderer/assets'));
    const scripts = assets.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(1);
    let characters = 0;
    let lines = 0;
    for (const script of scripts) {
      const text = readFileSync(join(OUT, 'renderer/assets', script), 'utf8');
      characters += text.length;
      lines += text.split('\n').length;
      expect(text, script).not.toContain('react-dom.development');
    }
    // Minified output is few, very long lines (unminified code averages under 40 characters;
    // only multi-line string literals keep their line breaks).
    expect(characters / lines).toBeGreaterThan(300);
    // Every chunk built from our modules has its map (the bundler's own runtime has none).
    expect(scripts.filter((script) => !assets.includes(`${script}.map`)).every((script) => script.startsWith('rolldown-runtime'))).toBe(true);
    const preload = readFileSync(join(OUT, 'preload/index.cjs'), 'utf8');
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/ZodError|\$ZodType|safeParse/);
  });
});

describe('staleness', () => {
  const copies: string[] = [];
  afterAll(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it('is detected when a source the bundle was built from changes or disappears', () => {
    const root = mkdtempSync(join(tmpdir(), 'wifox-build-'));
    copies.push(root);
    cpSync(join(OUT, 'build-sources'), join(root, 'out/build-sources'), { recursive: true });
    for (const entry of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
      mkdirSync(dirname(join(root, 'out', entry)), { recursive: true });
      writeFileSync(join(root, 'out', entry), '');
    }
    const sources = new Set<string>();
    for (const target of BUILD_TARGETS) {
      const manifest = JSON.parse(readFileSync(manifestFile(REPO_ROOT, target), 'utf8')) as { sources: Record<string, string> };
      for (const source of Object.keys(manifest.sources)) sources.add(source);
    }
    for (const source of sources) cpSync(join(REPO_ROOT, source), join(root, source));
    expect(checkBuild(root).fresh).toBe(true);

    writeFileSync(join(root, 'renderer/app/App.tsx'), `${readFileSync(join(root, 'renderer/app/App.tsx'), 'utf8')}\n// edited\n`);
    rmSync(join(root, 'shared/ipc/names.ts'));
    const stale = checkBuild(root);
    expect(stale.fresh).toBe(false);
    expect(stale.reasons).toEqual(expect.arrayContaining(['renderer: renderer/app/App.tsx changed', 'preload: shared/ipc/names.ts was removed']));
  });
});

describe('package.json dependencies', () => {
  // Bare specifiers out/main imports or requires (its entries and their shared chunks), reduced to package names.
  const mainPackages = (): Set<string> => {
    const files = readdirSync(join(OUT, 'main'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    const code = files.map((file) => readFileSync(join(OUT, 'main', file), 'utf8')).join('\n');
    const specifiers = [
      ...code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g),
      ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      ...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1] as string);
    const builtins = new Set(builtinModules);
    return new Set(
      specifiers
        .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:') && !builtins.has(s.split('/')[0] ?? ''))
        .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] ?? s))),
    );
  };

  it('are exactly what out/main loads at run time, both ways; electron stays a devDependency', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const loaded = mainPackages();
    expect(loaded.has('electron')).toBe(true);
    loaded.delete('electron');
    expect([...loaded].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    expect(Object.keys(pkg.devDependencies)).toContain('electron');
    // Bundled into the renderer, so never packed as node_modules.
    for (const bundled of ['react', 'react-dom', 'antd', '@ant-design/icons']) {
      expect(Object.keys(pkg.devDependencies), bundled).toContain(bundled);
    }
  });
});
