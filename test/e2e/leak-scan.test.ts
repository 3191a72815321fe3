import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLeaks } from './support/leak-scan';

// The scan every flow ends with: it must find what it is looking for, or its silence proves nothing.
const SECRET = 'wfx_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAB7cDe';
const OTHER = 'wfx_Zz9yXx8wWv7uUt6sSr5qQp4oOn3mMl2kKj1iHg';

describe('leak scan', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a token secret whole, without its prefix, or inside longer text; a password in logs', () => {
    dir = mkdtempSync(join(tmpdir(), 'leak-scan-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'whole.json'), JSON.stringify({ note: `key=${SECRET};` }));
    writeFileSync(join(dir, 'nested', 'stripped.bin'), Buffer.from(`xx${SECRET.slice(4)}yy`, 'latin1'));
    writeFileSync(join(dir, 'clean.txt'), `${SECRET.slice(0, 30)} ${OTHER.replace('9', '8')}`);
    const leaks = findLeaks([SECRET, OTHER, 'correct horse battery'], { dirs: [dir], logs: ['nothing here', 'password: correct horse battery'] });
    expect(leaks.sort()).toEqual([
      `${join(dir, 'nested', 'stripped.bin')} holds a secret starting wfx_…`,
      `${join(dir, 'whole.json')} holds a secret starting wfx_…`,
      'log line 1 holds a secret starting corr…',
    ]);
  });
});
