import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcContract } from '../../shared/ipc/contract';
import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { IPC_ERROR_CODES, UNIVERSAL_ERRORS } from '../../shared/ipc/errors';

// One owner for what a user reads per error code: shared/ipc/error-wording.ts, used by main.
const sourcesUnder = (folder: string): { path: string; text: string }[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: readFileSync(path, 'utf8') };
    });

describe('error wording', () => {
  it('gives every error code of the IPC contract exactly one sentence', () => {
    const used = new Set<string>([...UNIVERSAL_ERRORS, ...Object.values(ipcContract).flatMap((channel) => [...channel.errors])]);
    expect(Object.keys(ERROR_WORDING).sort()).toEqual([...IPC_ERROR_CODES].sort());
    for (const code of used) expect(ERROR_WORDING).toHaveProperty(code);
    const sentences = Object.values(ERROR_WORDING);
    // Two codes sharing a sentence would leave the user unable to tell them apart.
    expect(new Set(sentences).size).toBe(sentences.length);
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].*\.$/);
  });

  it('is not reworded by code in the renderer, nor copied in main', () => {
    const codes = IPC_ERROR_CODES.join('|');
    const rewording = new RegExp(`case '(${codes})':`);
    const offenders = sourcesUnder('renderer')
      .filter(({ text }) => rewording.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);

    const copies = [...sourcesUnder('renderer'), ...sourcesUnder('main')]
      .filter(({ text }) => Object.values(ERROR_WORDING).some((sentence) => text.includes(sentence)))
      .map(({ path }) => path);
    expect(copies).toEqual([]);
  });

  it('proves the scan finds a rewording switch', () => {
    const rewording = new RegExp(`case '(${IPC_ERROR_CODES.join('|')})':`);
    expect(rewording.test("switch (error.code) {\n  case 'offline':\n    return 'No network';\n}")).toBe(true);
  });
});
