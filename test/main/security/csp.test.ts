import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../main/protocol';

type Policy = Map<string, string[]>;

// CSP grammar, enough for our policies: directives split on ";", name then sources.
const parsePolicy = (text: string): Policy => {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter((token) => token !== '');
    if (name === undefined) continue;
    const key = name.toLowerCase();
    // The first occurrence wins; a repeated directive is a mistake worth failing on.
    expect(policy.has(key), `directive ${key} appears twice`).toBe(false);
    policy.set(key, sources);
  }
  return policy;
};

// What the console promises (issue 4). Every other fetch directive falls back to default-src.
const REQUIRED: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

const checkPolicy = (policy: Policy, options: { frameAncestors: boolean }): void => {
  for (const [directive, sources] of Object.entries(REQUIRED)) {
    // A meta element cannot carry frame-ancestors (browsers ignore it there).
    if (directive === 'frame-ancestors' && !options.frameAncestors) continue;
    expect([...(policy.get(directive) ?? ['<missing>'])].sort(), directive).toEqual([...sources].sort());
  }
  for (const [directive, sources] of policy) {
    if (directive in REQUIRED) continue;
    // Anything else may only narrow: object-src, frame-src, worker-src... at 'none'.
    expect(sources, directive).toEqual(["'none'"]);
  }
  expect(policy.get('object-src') ?? ["'none'"]).toEqual(["'none'"]);
  const scripts = policy.get('script-src') ?? [];
  for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:']) {
    expect(scripts, `script-src ${loose}`).not.toContain(loose);
  }
  for (const [directive, sources] of policy) {
    expect(sources.filter((source) => source === '*' || /^https?:/.test(source)), directive).toEqual([]);
  }
};

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wifox-csp-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Wifox</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'void 0');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Electron checklist: the Content-Security-Policy', () => {
  it('the header main serves on app:// is the required policy, on every kind of answer', async () => {
    const requests = [
      new Request('app://wifox/index.html'),
      new Request('app://wifox/assets/app.js'),
      new Request('app://wifox/', { method: 'HEAD' }),
      new Request('app://wifox/missing.js'),
      new Request('app://wifox/..%2f..%2fetc/passwd'),
      new Request('app://wifox/index.html', { method: 'POST', body: 'x' }),
    ];
    const statuses: number[] = [];
    for (const request of requests) {
      const response = await serveAppRequest(request, dir);
      statuses.push(response.status);
      const header = response.headers.get('content-security-policy');
      expect(header, `${request.method} ${request.url}`).not.toBeNull();
      checkPolicy(parsePolicy(header ?? ''), { frameAncestors: true });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(statuses).toEqual([200, 200, 200, 404, 403, 405]);
  });

  it('the meta policy in renderer/index.html is the same policy (for the dev server and any other host)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
    expect(metas).toHaveLength(1);
    const meta = parsePolicy(metas[0]?.[1] ?? '');
    checkPolicy(meta, { frameAncestors: false });
  });

  it('the checker itself refuses a loosened policy', () => {
    expect(() => checkPolicy(parsePolicy("default-src 'none'; script-src 'self' 'unsafe-eval'"), { frameAncestors: false })).toThrow();
    expect(() => checkPolicy(parsePolicy("default-src 'self'; script-src 'self'"), { frameAncestors: false })).toThrow();
  });
});
