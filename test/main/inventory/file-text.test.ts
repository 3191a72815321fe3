import fc from 'fast-check';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileError } from '../../../main/inventory/file-errors';
import { FILE_CHANGED, FileText } from '../../../main/inventory/file-text';

const dir = mkdtempSync(join(tmpdir(), 'wifox-file-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const fileOf = (bytes: Buffer): string => {
  const path = join(dir, `text-${(files += 1)}.json`);
  writeFileSync(path, bytes);
  return path;
};

// ASCII punctuation the snapshot reader looks for, letters, and characters of two to four bytes.
const text = fc.array(fc.constantFrom('\n', ',', ']', ' ', '"', 'a', 'b', 'é', '€', '😀'), { maxLength: 120 }).map((chars) => chars.join(''));
const needle = fc.constantFrom('\n', ',\n', '\n  ]', 'ab', '"a"', 'é');

describe('a file read through a small window', () => {
  it('finds and slices as the decoded string does, in byte offsets, across every window edge', () => {
    fc.assert(
      fc.property(text, needle, fc.integer({ min: 16, max: 40 }), fc.nat(), (content, search, window, from) => {
        const file = FileText.open(fileOf(Buffer.from(content, 'utf8')), window);
        try {
          const bytes = Buffer.from(content, 'utf8');
          const start = from % (bytes.length + 1);
          expect(file.length).toBe(bytes.length);
          expect(file.indexOf(search, start)).toBe(bytes.indexOf(Buffer.from(search), start));
          expect(file.lastIndexOf(search)).toBe(bytes.lastIndexOf(Buffer.from(search)));
          // Cut where the reader cuts: at its ASCII punctuation.
          const cuts = [...bytes.keys()].filter((i) => bytes[i] === 0x0a || bytes[i] === 0x2c);
          for (const [a, b] of [[0, bytes.length], [cuts[0] ?? 0, cuts.at(-1) ?? 0], [cuts[1] ?? 0, bytes.length]] as const) {
            expect(file.slice(a, b)).toBe(bytes.toString('utf8', a, b));
          }
        } finally {
          file.close();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('leaves out a byte-order mark, and reads an empty file as empty', () => {
    const file = FileText.open(fileOf(Buffer.from('\uFEFF{"a": [\n1\n]}', 'utf8')), 16);
    expect(file.length).toBe(12);
    expect(file.slice(0)).toBe('{"a": [\n1\n]}');
    expect(file.indexOf('{')).toBe(0);
    file.close();
    const empty = FileText.open(fileOf(Buffer.alloc(0)));
    expect([empty.length, empty.indexOf('\n'), empty.lastIndexOf('\n'), empty.slice(0)]).toEqual([0, -1, -1, '']);
    empty.close();
  });

  it('says the file changed when it got shorter while read, rather than reading on or waiting', () => {
    const path = fileOf(Buffer.from('a'.repeat(50) + '\n' + 'b'.repeat(49), 'utf8'));
    const file = FileText.open(path, 16);
    try {
      expect(file.slice(0, 4)).toBe('aaaa');
      truncateSync(path, 40);
      for (const reading of [() => file.indexOf('\n', 20), () => file.slice(36, 56), () => file.lastIndexOf('\n')]) {
        expect(reading).toThrow(expect.objectContaining({ code: FILE_CHANGED }));
      }
    } finally {
      file.close();
    }
    expect(fileError(Object.assign(new Error('x'), { code: FILE_CHANGED }), 'read', path).message).toBe(
      `"${basename(path)}" changed while it was being read. Open it again once nothing is writing it.`,
    );
  });

  it('throws the file system\'s error for a file that is not there', () => {
    expect(() => FileText.open(join(dir, 'missing.json'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
