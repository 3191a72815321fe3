import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../shared/inventory/snapshot';
import { readSnapshotSource, SnapshotTextError, type SnapshotSource } from '../../../shared/inventory/snapshot-source';
import { serializeSnapshot } from '../../support/snapshot-text';
import { makeParts, makeToken, sha256Hex } from './fixtures';

// What JSON.parse makes of the whole text, as the source hands it out: the fields and the list.
type Reading = { fields: unknown; tokens: unknown[] } | 'not-json';

function read(source: SnapshotSource, size: number): { fields: unknown; tokens: unknown[] } {
  const tokens: unknown[] = [];
  if (source.tokens !== null) {
    for (let block = source.tokens.take(size); block.tokens.length > 0; block = source.tokens.take(size)) tokens.push(...block.tokens);
  }
  const { tokens: _list, ...fields } = source.value as Record<string, unknown>;
  return { fields, tokens };
}

// As the snapshot check reads: by lines, then whole if the lines turn out otherwise.
function reading(text: string, size: number, relaid: { count: number } = { count: 0 }): Reading {
  try {
    try {
      return read(readSnapshotSource(text), size);
    } catch (error) {
      if (!(error instanceof SnapshotTextError && error.reason === 'relayout')) throw error;
      relaid.count += 1;
      return read(readSnapshotSource(text, { whole: true }), size);
    }
  } catch (error) {
    if (error instanceof SnapshotTextError && error.reason === 'not-json') return 'not-json';
    throw error;
  }
}

function wholeParse(text: string): Reading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not-json';
  }
  const { tokens, ...fields } = value as Record<string, unknown>;
  return { fields, tokens: Array.isArray(tokens) ? tokens : [] };
}

const fileText = async (count: number): Promise<string> =>
  serializeSnapshot(await buildSnapshot(makeParts(Array.from({ length: count }, (_, i) => makeToken(i + 1))), sha256Hex));

describe('reading a snapshot\'s token list a block at a time', () => {
  it('reads the console\'s layout in pieces of whole lines, each with the text it was parsed from', async () => {
    const text = await fileText(5);
    const source = readSnapshotSource(text);
    expect(source.tokens?.total).toBe(5);
    const first = source.tokens!.take(2);
    expect(first.tokens).toHaveLength(2);
    expect(JSON.parse(first.json!)).toEqual(first.tokens);
    expect(first.json).not.toContain('\n');
    expect(source.tokens!.take(10).tokens).toHaveLength(3);
    expect(source.tokens!.take(10).tokens).toEqual([]);
    expect(read(readSnapshotSource(text), 2)).toEqual(wholeParse(text));
  });

  it('gives what a whole parse gives, however the text around the list was edited', async () => {
    const text = await fileText(7);
    const lines = text.split('\n');
    // The first token's line, then six more.
    const t = lines.findIndex((line) => line.startsWith('  "tokens": [')) + 1;
    const edits = fc.oneof(
      // A token's line split at a comma, or two lines joined into one.
      fc.nat().map((n) => (ls: string[]) => ls.map((line, i) => (i === t + (n % 7) ? line.replace('","', '",\n"') : line))),
      fc.nat().map((n) => (ls: string[]) => {
        const at = t + (n % 6);
        return [...ls.slice(0, at), `${ls[at]} ${ls[at + 1]!.trim()}`, ...ls.slice(at + 2)];
      }),
      // A comma dropped or doubled, a character lost, a bracket added.
      fc.nat().map((n) => (ls: string[]) => ls.map((line, i) => (i === t + (n % 6) ? line.replace(/,$/, '') : line))),
      fc.nat().map((n) => (ls: string[]) => ls.map((line, i) => (i === t + (n % 6) ? `${line},` : line))),
      fc.nat().map((n) => (ls: string[]) => ls.map((line, i) => (i === t + (n % 7) ? line.slice(0, -3) + line.slice(-2) : line))),
      fc.nat().map((n) => (ls: string[]) => ls.map((line, i) => (i === t + (n % 7) ? `${line.replace(/,$/, '')}],"x":[1,` : line))),
      // Windows line ends, another indent, a second `tokens` key after the list.
      fc.constant((ls: string[]) => ls.map((line) => `${line}\r`)),
      fc.constant((ls: string[]) => ls.map((line) => line.replace(/^ {4}\{/, '  {'))),
      fc.constant((ls: string[]) => ls.map((line) => line.replace(/^ {2}"digest"/, '  "tokens": [],\n  "digest"'))),
    );
    fc.assert(
      fc.property(fc.array(edits, { maxLength: 3 }), fc.integer({ min: 1, max: 8 }), (chosen, size) => {
        const edited = chosen.reduce((ls, edit) => edit(ls), lines).join('\n');
        expect(reading(edited, size)).toEqual(wholeParse(edited));
      }),
      { numRuns: 300 },
    );
  });

  it('reads again whole a list whose lines, read whole, say something else: a second list, a field, a shorter list', async () => {
    const lines = (await fileText(4)).split('\n');
    const second = lines.findIndex((line) => line.startsWith('  "tokens": [')) + 2;
    const craft = (edit: string): string => lines.map((line, i) => (i === second ? `${line.replace(/,$/, '')}${edit}` : line)).join('\n');
    for (const crafted of [craft('], "note": [1,'), craft('], "tokens": [{"id": 91}, {"id": 92},'), craft('], "tokens": [')]) {
      const relaid = { count: 0 };
      const whole = wholeParse(crafted);
      expect(typeof whole).toBe('object');
      expect(reading(crafted, 1, relaid)).toEqual(whole);
      expect(relaid.count).toBe(1);
    }
  });

  it('takes as whitespace only what JSON does', async () => {
    const text = await fileText(4);
    const first = text.indexOf('"tokens": [') + '"tokens": ['.length;
    const closing = text.lastIndexOf('\n  ]');
    const secondLine = text.indexOf('\n', text.indexOf('\n', first) + 1) + 1;
    for (const odd of ['\u00a0', '\v', '\f', '\u2028', '\ufeff']) {
      for (const edited of [
        `${text.slice(0, first)}${odd}${text.slice(first)}`,
        `${text.slice(0, closing)}${odd}${text.slice(closing)}`,
        `${text.slice(0, secondLine)}${odd}${text.slice(secondLine)}`,
      ]) {
        expect(reading(edited, 1)).toEqual(wholeParse(edited));
        expect(reading(edited, 1)).toBe('not-json');
      }
    }
  });

  it('reads a file laid out otherwise whole, and says when it is not JSON', async () => {
    const text = await fileText(3);
    const indented = JSON.stringify(JSON.parse(text), null, 2);
    // Its list looks like the console's from outside; its first piece tells otherwise.
    expect(() => readSnapshotSource(indented).tokens?.take(10)).toThrow(SnapshotTextError);
    expect(readSnapshotSource(indented, { whole: true }).tokens?.take(10).json).toBeUndefined();
    const relaid = { count: 0 };
    expect(reading(indented, 2, relaid)).toEqual(wholeParse(text));
    expect(relaid.count).toBe(1);
    expect(readSnapshotSource(JSON.stringify(JSON.parse(text))).tokens?.take(10).json).toBeUndefined();
    expect(reading(`\uFEFF${text}`, 2)).toEqual(wholeParse(text));
    expect(reading(text.slice(0, -40), 2)).toBe('not-json');
  });
});
