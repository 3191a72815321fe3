import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWhitelist, parseWhitelistEntry, validateWhitelist } from '../../../shared/domain';
import { refMatches, refParseEntry } from './whitelist-reference';

// Vectors from an independent implementation (Python's ipaddress). The copy under
// test/shared/fixtures is what runs; it must stay identical to ../shared/fixtures when present.
const vectorsSchema = z.object({
  validation: z.array(z.object({ input: z.string(), valid: z.boolean(), canonical: z.string().optional() })),
  matching: z.array(z.object({ address: z.string(), whitelist: z.array(z.string()), allowed: z.boolean() })),
});

const localUrl = new URL('../fixtures/whitelist-vectors.json', import.meta.url);
const vectors = vectorsSchema.parse(JSON.parse(readFileSync(localUrl, 'utf8')));

describe('whitelist vectors', () => {
  it('holds a substantial set', () => {
    expect(vectors.validation.length).toBeGreaterThan(400);
    expect(vectors.matching.length).toBeGreaterThan(1000);
  });

  it('matches the shared copy when the shared folder is present', () => {
    const sharedUrl = new URL('../../../../shared/fixtures/whitelist-vectors.json', import.meta.url);
    let shared: string | null = null;
    try {
      shared = readFileSync(sharedUrl, 'utf8');
    } catch {
      shared = null;
    }
    if (shared !== null) expect(JSON.parse(shared)).toEqual(JSON.parse(readFileSync(localUrl, 'utf8')));
  });

  it('agree with the reference model the property tests use', () => {
    for (const vector of vectors.validation) {
      const entry = refParseEntry(vector.input);
      expect(entry !== null, vector.input).toBe(vector.valid);
      if (entry && vector.canonical !== undefined) expect(entry.canonical).toBe(vector.canonical);
    }
    for (const vector of vectors.matching) expect(refMatches(vector.whitelist, vector.address)).toBe(vector.allowed);
  });

  describe('validation', () => {
    it.each(vectors.validation.map((v) => [v.input, v] as const))('%j', (_input, vector) => {
      const result = parseWhitelistEntry(vector.input);
      expect(result.ok).toBe(vector.valid);
      if (result.ok && vector.canonical !== undefined) expect(result.entry.canonical).toBe(vector.canonical);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
      if (result.ok) {
        // Canonical text parses back to itself.
        const again = parseWhitelistEntry(result.entry.canonical);
        expect(again).toEqual(result);
      }
    });
  });

  describe('matching', () => {
    it.each(vectors.matching.map((v, i) => [i, v.address, v.whitelist.join(' '), v] as const))(
      '#%i %s in [%s]',
      (_i, _address, _list, vector) => {
        // The one list rule stricter than the vectors' implementation: an IPv4-mapped range next to
        // its IPv4 form is a duplicate (both match the same clients). Matching must agree anyway.
        const validation = validateWhitelist(vector.whitelist);
        for (const error of validation.errors) expect(error.message).toMatch(/ matches the same clients as /);
        expect(compileWhitelist(vector.whitelist).matches(vector.address)).toBe(vector.allowed);
        const canonical = vector.whitelist.map((entry) => {
          const parsed = parseWhitelistEntry(entry);
          if (!parsed.ok) throw new Error(`${entry}: ${parsed.message}`);
          return parsed.entry.canonical;
        });
        expect(compileWhitelist(canonical).matches(vector.address)).toBe(vector.allowed);
      },
    );
  });
});
