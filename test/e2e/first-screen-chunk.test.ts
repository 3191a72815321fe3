import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_BUILD_DIR } from './support/paths';

// Figure 7 of `npm run bench` (renderer start): out/renderer's first screen is one script, with
// the token list in it and what the list does not show (the sign-in form, the drawers' date
// picker) in chunks of their own.
describe('the first screen of out/renderer', () => {
  const html = readFileSync(join(RENDERER_BUILD_DIR, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);

  it('is one script holding the token list but not the sign-in form or the date picker', () => {
    expect(scripts).toHaveLength(1);
    expect(html).not.toContain('modulepreload');
    const first = readFileSync(join(RENDERER_BUILD_DIR, scripts[0] as string), 'utf8');
    expect(first).toContain('Identification tokens');
    expect(first).not.toContain('Sign in to Wifox');
    expect(first).not.toContain('rc-picker');
  });
});
