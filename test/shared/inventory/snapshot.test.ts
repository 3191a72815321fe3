import { createHash, webcrypto } from 'node:crypto';
import { serializeSnapshot } from '../../support/snapshot-text';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/inventory/canonical-json';
import type { IdentificationToken } from '../../../shared/api/tokens';
import type { SnapshotText } from '../../../shared/inventory/snapshot-source';
import {
  buildSnapshot,
  checkSnapshotText,
  parseSnapshotText,
  snapshotInfo,
  snapshotJsonChunks,
  type InventorySnapshot,
  type SnapshotCheckProgress,
  type Sha256Hashing,
} from '../../../shared/inventory/snapshot';
import { makeParts, makeToken, sha256Hex } from './fixtures';

// A file whose text can be replaced while it is read, as another program could.
class ReplaceableText implements SnapshotText {
  constructor(public text: string) {}
  get length(): number {
    return this.text.length;
  }
  indexOf(search: string, from?: number): number {
    return this.text.indexOf(search, from);
  }
  lastIndexOf(search: string): number {
    return this.text.lastIndexOf(search);
  }
  slice(start: number, end?: number): string {
    return this.text.slice(start, end);
  }
}

const build = (): Promise<InventorySnapshot> =>
  buildSnapshot(makeParts([makeToken(3), makeToken(1, { whitelist: [], expiresOn: null, expiresAt: null }), makeToken(2)]), sha256Hex);

// Re-seals edited content the way a careful forger (or a newer console) would.
const reseal = (raw: Record<string, unknown>): string => {
  const { digest: _digest, ...content } = raw;
  return JSON.stringify({ ...content, digest: { algorithm: 'SHA-256', value: sha256Hex(canonicalJson(content)) } });
};

const refusal = async (text: string): Promise<string> => {
  const result = await parseSnapshotText(text, sha256Hex);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
};

describe('canonicalJson', () => {
  it('spells equal values the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } }));
  });

  it('keeps array order, skips undefined members and escapes like JSON', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: undefined, b: null, c: [undefined] })).toBe('{"b":null,"c":[null]}');
    expect(canonicalJson('é"\n\u2028')).toBe(JSON.stringify('é"\n\u2028'));
    expect(canonicalJson(1e21)).toBe('1e+21');
  });

  it('spells objects with numeric keys one way too', () => {
    expect(canonicalJson({ b: 1, 10: 'x', 9: 'y', a: 2 })).toBe(canonicalJson({ a: 2, 9: 'y', b: 1, 10: 'x' }));
  });

  it('refuses what has no JSON form', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('snapshot round trip', () => {
  it('builds, serialises and parses back to an equal snapshot', async () => {
    const snapshot = await build();
    expect(snapshot.format).toBe('wifox-token-inventory');
    expect(snapshot.version).toBe(1);
    expect(snapshot.digest.algorithm).toBe('SHA-256');
    expect(snapshot.digest.value).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.tokens.map((t) => t.id)).toEqual([1, 2, 3]);

    const result = await parseSnapshotText(serializeSnapshot(snapshot), sha256Hex);
    expect(result).toEqual({ ok: true, snapshot });
  });

  it('keeps owner and description, and still opens a snapshot written before tokens had them', async () => {
    const owned = await buildSnapshot(makeParts([makeToken(1, { owner: 'Billing Team', description: 'Invoices\nnightly' }), makeToken(2, { owner: null, description: null })]), sha256Hex);
    const reread = await parseSnapshotText(serializeSnapshot(owned), sha256Hex);
    expect(reread.ok && reread.snapshot.tokens.map((t) => [t.owner, t.description])).toEqual([['Billing Team', 'Invoices\nnightly'], [null, null]]);
    const older = await build();
    expect(JSON.stringify(older)).not.toContain('"owner"');
    const opened = await parseSnapshotText(serializeSnapshot(older), sha256Hex);
    expect(opened.ok && opened.snapshot.tokens[0]?.owner).toBeUndefined();
  });

  it('seals the same content with the same digest, and different content with another', async () => {
    const a = await build();
    const b = await build();
    expect(a.digest.value).toBe(b.digest.value);
    const c = await buildSnapshot(makeParts([makeToken(1)], { takenAt: '2026-03-10T08:16:00.000Z' }), sha256Hex);
    const d = await buildSnapshot(makeParts([makeToken(1)]), sha256Hex);
    expect(c.digest.value).not.toBe(d.digest.value);
  });

  it('still opens after a tool re-indents the file and reorders its keys', async () => {
    const snapshot = await build();
    const raw = JSON.parse(serializeSnapshot(snapshot)) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(raw).reverse());
    const result = await parseSnapshotText(`\uFEFF${JSON.stringify(reordered, null, 4)}`, sha256Hex);
    expect(result).toEqual({ ok: true, snapshot });
  });

  it('accepts an asynchronous hash function (WebCrypto) with the same result', async () => {
    const subtleHex = async (text: string): Promise<string> =>
      Buffer.from(await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');
    const snapshot = await buildSnapshot(makeParts([makeToken(1, { name: 'Café ☕ 東京' })]), subtleHex);
    expect(snapshot.digest.value).toBe((await buildSnapshot(makeParts([makeToken(1, { name: 'Café ☕ 東京' })]), sha256Hex)).digest.value);
    expect(await parseSnapshotText(serializeSnapshot(snapshot), subtleHex)).toEqual({ ok: true, snapshot });
  });

  it('writes the same text in chunks of any size, one token per line', async () => {
    const snapshot = await buildSnapshot(makeParts(Array.from({ length: 7 }, (_, i) => makeToken(i + 1))), sha256Hex);
    const whole = serializeSnapshot(snapshot);
    for (const size of [1, 2, 3, 7, 50]) {
      const chunks = [...snapshotJsonChunks(snapshot, size)];
      expect(chunks).toHaveLength(Math.ceil(7 / size));
      expect(chunks.join('')).toBe(whole);
    }
    expect(whole.split('\n').filter((line) => line.includes('"secretHint"'))).toHaveLength(7);
    const empty = await buildSnapshot(makeParts([]), sha256Hex);
    expect([...snapshotJsonChunks(empty, 10)]).toHaveLength(1);
    expect(await parseSnapshotText(serializeSnapshot(empty), sha256Hex)).toEqual({ ok: true, snapshot: empty });
  });

  it('summarises its header', async () => {
    const snapshot = await build();
    expect(snapshotInfo(snapshot)).toEqual({
      baseUrl: 'https://wifox.example.com',
      takenAt: '2026-03-10T08:15:00.000Z',
      takenBy: { id: 1, name: 'Ada Admin', email: 'ada@example.com' },
      timeZone: 'Europe/Paris',
      tokenCount: 3,
      digest: snapshot.digest.value,
    });
  });

  it('refuses to build from parts that break the schema', async () => {
    await expect(buildSnapshot(makeParts([makeToken(1), makeToken(1)]), sha256Hex)).rejects.toThrow(/appears more than once/);
    await expect(buildSnapshot(makeParts([makeToken(1)], { timeZone: 'Mars/Olympus' }), sha256Hex)).rejects.toThrow();
  });
});

// node:crypto fed piece by piece, keeping the pieces to compare with the whole-object form.
const incremental = (): { pieces: string[]; hashing: Sha256Hashing } => {
  const pieces: string[] = [];
  const stream = () => {
    const hash = createHash('sha256');
    return { update: (text: string) => void (pieces.push(text), hash.update(text, 'utf8')), hex: () => hash.digest('hex') };
  };
  return { pieces, hashing: { stream } };
};

describe('one-pass opening', () => {
  it('hashes the canonical form of the whole content, unknown fields included, while checking each token', async () => {
    const snapshot = await build();
    const raw = JSON.parse(serializeSnapshot(snapshot)) as Record<string, unknown> & { tokens: Record<string, unknown>[] };
    raw.comment = 'from a newer console';
    raw.tokens[0] = { extra: { b: 1, a: 2 }, ...raw.tokens[0] };
    const text = reseal(raw);
    const { pieces, hashing } = incremental();
    const progress: SnapshotCheckProgress[] = [];
    const result = await parseSnapshotText(text, hashing, { onProgress: (report) => progress.push(report), progressEvery: 2 });
    const { digest, ...content } = JSON.parse(text) as Record<string, unknown>;
    expect(result).toEqual({ ok: true, snapshot: { ...snapshot, digest } });
    expect(pieces.join('')).toBe(canonicalJson(content));
    expect(progress).toEqual([
      { done: 0, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
  });

  it('hashes the token lines as they stand when they were written canonically, and opens other spellings of them too', async () => {
    const snapshot = await buildSnapshot(makeParts(Array.from({ length: 9 }, (_, i) => makeToken(i + 1))), sha256Hex);
    const text = serializeSnapshot(snapshot);
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.startsWith('  "tokens": [')) + 1;
    // Token lines rewritten `id` first (as earlier consoles wrote them), from the `from`th on.
    const idFirst = (from: number): string =>
      lines
        .map((line, i) => {
          if (i < first + from || i >= first + 9) return line;
          const { id, ...token } = JSON.parse(line.trim().replace(/,$/, '')) as { id: number };
          return `    ${JSON.stringify({ id, ...token })}${line.endsWith(',') ? ',' : ''}`;
        })
        .join('\n');
    const opened = async (file: string): Promise<{ result: unknown; hashed: number }> => {
      const { pieces, hashing } = incremental();
      const result = await parseSnapshotText(file, hashing, { progressEvery: 4 });
      return { result, hashed: pieces.join('').length };
    };
    const canonicalLength = canonicalJson((({ digest: _d, signature: _s, ...content }) => content)(snapshot)).length;
    // As written: one pass, the lines hashed as they stand.
    expect(await opened(text)).toEqual({ result: { ok: true, snapshot }, hashed: canonicalLength });
    // Every line id first: each block written canonically, still one pass.
    expect(await opened(idFirst(0))).toEqual({ result: { ok: true, snapshot }, hashed: canonicalLength });
    // Only lines after a block's first: the lines as they stand do not match, so a second pass,
    // hashing the file again both as the first pass did (it must be the same file) and canonically.
    expect(await opened(idFirst(1))).toEqual({ result: { ok: true, snapshot }, hashed: 3 * canonicalLength });
  });

  it('refuses a forged file even when the genuine one is put back while it is being checked', async () => {
    const snapshot = await buildSnapshot(makeParts(Array.from({ length: 9 }, (_, i) => makeToken(i + 1))), sha256Hex);
    const genuine = serializeSnapshot(snapshot);
    // Token 2 renamed, canonically spelled: its block's first line vouches for it.
    const forged = genuine.replace('"name":"Token 00002"', '"name":"TOKEN 00002"');
    const check = async (swap: boolean) => {
      const file = new ReplaceableText(forged);
      const handed: IdentificationToken[] = [];
      const result = await checkSnapshotText(file, sha256Hex, {
        progressEvery: 4,
        onChecked: (tokens) => {
          handed.push(...tokens);
          if (swap) file.text = genuine;
        },
        onRestart: () => void (handed.length = 0),
      });
      return { result, names: handed.map((token) => token.name) };
    };
    for (const swap of [false, true]) {
      const { result, names } = await check(swap);
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/^The file has been changed since it was exported/) });
      expect(names).toContain('TOKEN 00002');
    }
  });

  it('reads again whole, dropping the tokens it handed on, a file whose list turns out not to be one token per line', async () => {
    const snapshot = await buildSnapshot(makeParts(Array.from({ length: 9 }, (_, i) => makeToken(i + 1))), sha256Hex);
    const lines = serializeSnapshot(snapshot).split('\n');
    const last = lines.findIndex((line) => line.startsWith('  "tokens": [')) + 9;
    // The last token spread over several lines, as an editor might leave it: the same content.
    const text = lines.map((line, i) => (i === last ? JSON.stringify(JSON.parse(line), null, 2).replaceAll('\n', '\n    ') : line)).join('\n');
    const handed: IdentificationToken[] = [];
    let restarts = 0;
    const result = await checkSnapshotText(text, sha256Hex, {
      progressEvery: 4,
      onChecked: (tokens) => void handed.push(...tokens),
      onRestart: () => {
        restarts += 1;
        expect(handed).toHaveLength(8);
        handed.length = 0;
      },
    });
    expect(result).toMatchObject({ ok: true, total: 9 });
    expect(restarts).toBe(1);
    expect(handed).toEqual(snapshot.tokens);
  });

  it('refuses an altered file with the same message, however it is hashed', async () => {
    const raw = JSON.parse(serializeSnapshot(await build())) as { tokens: { name: string }[] };
    raw.tokens[2]!.name = 'Renamed by hand';
    const altered = JSON.stringify(raw);
    const { hashing } = incremental();
    const result = await parseSnapshotText(altered, hashing);
    expect(result).toEqual({ ok: false, message: await refusal(altered) });
    expect(result.ok ? '' : result.message).toMatch(/^The file has been changed since it was exported/);
  });
});

describe('files that are refused', () => {
  it('refuses text that is not JSON', async () => {
    expect(await refusal('name,role\nA,B\n')).toBe('This file is not a Wifox token inventory. It is not valid JSON.');
  });

  it('refuses JSON that is not an inventory', async () => {
    expect(await refusal('{"items":[]}')).toBe('This file is not a Wifox token inventory.');
    expect(await refusal('[1,2]')).toBe('This file is not a Wifox token inventory.');
    expect(await refusal('null')).toBe('This file is not a Wifox token inventory.');
  });

  it('refuses a newer format version, even correctly sealed, saying so', async () => {
    const raw = JSON.parse(serializeSnapshot(await build())) as Record<string, unknown>;
    const message = await refusal(reseal({ ...raw, version: 2 }));
    expect(message).toMatch(/^This inventory was written by a newer version \(format 2\)/);
    expect(message).toContain('Update the console');
  });

  it('refuses versions that never existed', async () => {
    const raw = JSON.parse(serializeSnapshot(await build())) as Record<string, unknown>;
    expect(await refusal(reseal({ ...raw, version: 0 }))).toMatch(/unknown format version \(0\).*format 1/);
    expect(await refusal(reseal({ ...raw, version: '1' }))).toMatch(/unknown format version \(1\)/);
    const { version: _version, ...unversioned } = raw;
    expect(await refusal(reseal(unversioned))).toMatch(/unknown format version;/);
  });

  it('refuses a file changed after export: a token renamed, a whitelist widened, a field added', async () => {
    const text = serializeSnapshot(await build());
    expect(await refusal(text.replace('"Token 00002"', '"Token 00009"'))).toMatch(/^The file has been changed since it was exported/);
    expect(await refusal(text.replace('"203.0.113.0/24"', '"0.0.0.0/0"'))).toMatch(/^The file has been changed since it was exported/);
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(await refusal(JSON.stringify({ ...raw, note: 'reviewed' }))).toMatch(/^The file has been changed since it was exported/);
  });

  it('refuses a file whose digest is missing or malformed', async () => {
    const raw = JSON.parse(serializeSnapshot(await build())) as Record<string, unknown>;
    const { digest: _digest, ...undigested } = raw;
    expect(await refusal(JSON.stringify(undigested))).toMatch(/no valid SHA-256 digest/);
    expect(await refusal(JSON.stringify({ ...raw, digest: { algorithm: 'MD5', value: 'abc' } }))).toMatch(/no valid SHA-256 digest/);
  });

  it('refuses a sealed file whose fields break the schema, naming the fields', async () => {
    const raw = JSON.parse(serializeSnapshot(await build())) as { tokens: Record<string, unknown>[] } & Record<string, unknown>;
    const tokens = raw.tokens.map((token, i) => (i === 1 ? { ...token, createdAt: 'last Tuesday' } : token));
    const message = await refusal(reseal({ ...raw, tokens }));
    expect(message).toMatch(/^This inventory is damaged or incomplete: tokens\.1\.createdAt: /);

    const { roles: _roles, ...roleless } = raw;
    expect(await refusal(reseal(roleless))).toMatch(/^This inventory is damaged or incomplete: roles: /);
  });
});
