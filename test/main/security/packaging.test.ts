import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../../..');

type BuilderConfig = {
  files?: string[];
  asarUnpack?: string[];
  directories?: { buildResources?: string };
  mac?: { hardenedRuntime?: boolean; entitlements?: string; entitlementsInherit?: string };
};

const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

// A plist's top-level <dict> as key → value, for the only value kinds an entitlements file
// holds (booleans, strings, arrays of strings): enough to read it without a plist library.
const plistEntries = (xml: string): Map<string, unknown> => {
  const body = /<plist[^>]*>\s*<dict>([\s\S]*)<\/dict>\s*<\/plist>/.exec(xml.replace(/<!--[\s\S]*?-->/g, ''))?.[1];
  if (body === undefined) throw new Error('not a plist with a top-level dict');
  const entries = new Map<string, unknown>();
  const pattern = /<key>([^<]*)<\/key>\s*(<true\s*\/>|<false\s*\/>|<string>[^<]*<\/string>|<array>[\s\S]*?<\/array>)/g;
  let consumed = '';
  for (const [whole, key, value] of body.matchAll(pattern)) {
    consumed += whole;
    const text = value ?? '';
    entries.set(key ?? '', text.startsWith('<true') ? true : text.startsWith('<false') ? false : text);
  }
  // Anything the pattern skipped would be an entry this reader cannot vouch for.
  expect(body.replace(/\s+/g, '')).toBe(consumed.replace(/\s+/g, ''));
  return entries;
};

describe('macOS hardened runtime', () => {
  it('is on, with one explicit entitlements file for the app and its helpers', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements);
  });

  it('grants JIT only: no unsigned executable memory, no foreign libraries, no DYLD variables', () => {
    const entries = plistEntries(readFileSync(join(ROOT, config.mac?.entitlements ?? 'missing'), 'utf8'));
    expect(Object.fromEntries(entries)).toEqual({ 'com.apple.security.cs.allow-jit': true });
    for (const refused of [
      'com.apple.security.cs.allow-unsigned-executable-memory',
      'com.apple.security.cs.disable-library-validation',
      'com.apple.security.cs.allow-dyld-environment-variables',
      'com.apple.security.cs.disable-executable-page-protection',
      'com.apple.security.get-task-allow',
    ]) {
      expect(entries.has(refused), refused).toBe(false);
    }
  });
});

describe('package contents', () => {
  it('packs out/ without source maps or build records, and unpacks the keychain binding from the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!**/*.map', '!out/build-sources/**', '!server/**']));
    expect(config.files?.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/@napi-rs/keyring*/**']));
  });
});
