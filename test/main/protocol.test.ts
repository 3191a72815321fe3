import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/csp';
import { resolveAppPath, serveAppRequest } from '../../main/protocol';

let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wifox-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wifox</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string) => serveAppRequest(new Request(url), root);

describe('Content-Security-Policy', () => {
  it('is exactly the strict policy the console promises', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });
});

describe('app:// protocol', () => {
  it('serves the renderer with the CSP on every response', async () => {
    const index = await get('app://wifox/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<title>Wifox</title>');

    const script = await get('app://wifox/assets/app.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');

    const missing = await get('app://wifox/assets/none.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves index.html for the bare origin', async () => {
    expect((await get('app://wifox/')).status).toBe(200);
  });

  it('refuses every way out of the renderer folder', async () => {
    for (const url of [
      'app://wifox/%2e%2e/secret.txt',
      'app://wifox/assets/%2e%2e%2f..%2fsecret.txt',
      'app://wifox/..%2fsecret.txt',
      'app://wifox/..%5csecret.txt',
      'app://wifox/assets/..%00/x',
      'app://other/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    // The WHATWG parser already folds plain ../ segments; the result must still stay inside.
    const folded = resolveAppPath('app://wifox/assets/../../secret.txt', root);
    expect(folded.ok && folded.filePath).toBe(join(root, 'secret.txt'));
    expect((await get('app://wifox/assets/../../secret.txt')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    const response = await serveAppRequest(new Request('app://wifox/index.html', { method: 'POST', body: 'x' }), root);
    expect(response.status).toBe(405);
  });
});
