/*
 * A snapshot file's JSON with its token list read a block at a time.
 *
 * A file as the console writes it (snapshotJsonChunks: one token per line between
 * `"tokens": [` and a closing `  ]`) is parsed in pieces: the fields around the list at once,
 * then each block of token lines when it is asked for. A reader on another thread then gets
 * its first tokens before the last are parsed, and each block's objects die young instead of
 * 100,000 of them living through the whole check.
 *
 * Any other layout (re-indented by a tool, tokens spread over several lines, a line ending
 * without its comma) is parsed whole, from the start or from the first piece that does not
 * read as whole tokens. Either way every value is the one JSON.parse gives for the whole text:
 * pieces that each parse as a list of values, joined by the commas that separated them, are
 * exactly the list's values, and the fields are parsed with the list replaced by a marker the
 * file cannot know, which must come back as the value of the last top-level `tokens` key.
 */

import { canonicalJson } from './canonical-json';

/**
 * Why the text cannot be read: it is not JSON, or (a crafted file) its token list read in
 * pieces would not be the list the whole text holds.
 */
export class SnapshotTextError extends Error {
  constructor(readonly reason: 'not-json' | 'ambiguous') {
    super(reason === 'not-json' ? 'The text is not valid JSON.' : 'The token list does not read the same in pieces as whole.');
  }
}

/**
 * A file's text by offsets of its own, read where it is asked for: a string is one, and main
 * reads big files so (main/inventory/file-text.ts), a piece at a time, instead of holding
 * 50 MB of text at once. The byte-order mark is already left out.
 */
export interface SnapshotText {
  readonly length: number;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string): number;
  slice(start: number, end?: number): string;
}

/**
 * Some tokens of the list. `json`, for tokens read from the console's layout, is the JSON
 * text they were parsed from: their lines as they stand, joined by the commas that ended them
 * (the layout's line breaks and indents left out, any other whitespace kept).
 */
export type TokenBlock = { tokens: unknown[]; json?: string };

/** The token list, a block at a time. */
export interface TokenBlocks {
  /** Tokens in the list. Exact once the first block is taken; counted from lines until then. */
  readonly total: number;
  /**
   * The next tokens, at most `size` (fewer where a piece of the file ends, or at the end), none
   * once all are taken. Throws SnapshotTextError.
   */
  take(size: number): TokenBlock;
}

/**
 * The top-level value. When `tokens` is set, the value's own `tokens` field is not the list
 * and the list is read from `tokens`; otherwise the value is the whole parse.
 */
export type SnapshotSource = { value: unknown; tokens: TokenBlocks | null };

const LIST_KEY = '"tokens": [';
const LIST_END = '\n  ]';
// What separates two token lines in the console's layout (snapshotJsonChunks).
const LINE_BREAK = ',\n    ';
// Pieces stay below V8's large-object size (128 KiB): a larger string gets pages of its own,
// fresh from the system, which costs as much again as parsing it on a virtual machine.
const PIECE_CHARS = 96 * 1024;

function arrayBlocks(list: readonly unknown[], from = 0): TokenBlocks {
  let next = from;
  return {
    total: list.length,
    take(size) {
      const tokens = list.slice(next, next + size);
      next += tokens.length;
      return { tokens };
    },
  };
}

function parseWhole(text: SnapshotText): unknown {
  try {
    return JSON.parse(text.slice(0));
  } catch {
    throw new SnapshotTextError('not-json');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function countLines(text: SnapshotText, from: number, to: number): number {
  let lines = 1;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

const withoutList = (value: Record<string, unknown>): string => canonicalJson({ ...value, tokens: null });

// One token per line from `from` to `to` (the newline ending the last line). A piece that does
// not read so hands the rest of the list to the whole parse: the tokens already taken are its
// first ones (the same text, parsed the same way), and its other fields must be those read.
function lineBlocks(text: SnapshotText, fields: Record<string, unknown>, from: number, to: number): TokenBlocks {
  let total = countLines(text, from, to);
  let at = from;
  let left = total;
  let fallback: TokenBlocks | null = null;
  let taken = 0;
  const takeWhole = (size: number): TokenBlock => {
    if (fallback === null) {
      const whole = parseWhole(text);
      if (!isRecord(whole) || !Array.isArray(whole.tokens) || withoutList(whole) !== withoutList(fields)) throw new SnapshotTextError('ambiguous');
      fallback = arrayBlocks(whole.tokens, taken);
      total = fallback.total;
    }
    return fallback.take(size);
  };
  return {
    get total() {
      return total;
    },
    take(size) {
      if (fallback !== null) return takeWhole(size);
      if (left === 0) return { tokens: [] };
      // Up to `size` lines, within PIECE_CHARS unless one line is longer.
      let end = at - 1;
      let lines = 0;
      while (lines < size && lines < left) {
        const next = text.indexOf('\n', end + 1);
        if (lines > 0 && next - at > PIECE_CHARS) break;
        end = next;
        lines += 1;
      }
      const piece = text.slice(at, end).trimEnd();
      const last = lines === left;
      // Every line but the list's last ends with the comma before the next token.
      if (last === piece.endsWith(',')) return takeWhole(size);
      // Compact text parses twice as fast as the file's, and may be the canonical text itself.
      const json = `[${(last ? piece : piece.slice(0, -1)).replaceAll(LINE_BREAK, ',').trimStart()}]`;
      let tokens: unknown;
      try {
        tokens = JSON.parse(json);
      } catch {
        return takeWhole(size);
      }
      if (!Array.isArray(tokens) || tokens.length !== lines) return takeWhole(size);
      at = end + 1;
      left -= lines;
      taken += lines;
      return { tokens, json };
    },
  };
}

function markerFor(head: string, tail: string): string {
  for (;;) {
    const marker = `wifox-tokens-${Math.random().toString(36).slice(2)}`;
    if (!head.includes(marker) && !tail.includes(marker)) return marker;
  }
}

/** The console's own layout read in pieces, or null when the text is not laid out so. */
function readByLines(text: SnapshotText): SnapshotSource | null {
  const key = text.indexOf(LIST_KEY);
  if (key === -1) return null;
  const open = key + LIST_KEY.length - 1;
  const firstLine = text.indexOf('\n', open);
  const end = text.lastIndexOf(LIST_END);
  if (firstLine === -1 || end <= firstLine || !isBlank(text.slice(open + 1, firstLine))) return null;
  const close = end + LIST_END.length - 1;
  const head = text.slice(0, open);
  const tail = text.slice(close + 1);
  const marker = markerFor(head, tail);
  let value: unknown;
  try {
    value = JSON.parse(`${head}"${marker}"${tail}`);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.tokens !== marker) return null;
  return { value, tokens: lineBlocks(text, value, firstLine + 1, end) };
}

/**
 * Throws SnapshotTextError when the text is not JSON. A string's leading byte-order mark is
 * skipped (a SnapshotText has none).
 */
export function readSnapshotSource(text: string | SnapshotText): SnapshotSource {
  // Editors on Windows like to add a byte-order mark.
  const json = typeof text === 'string' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const byLines = readByLines(json);
  if (byLines !== null) return byLines;
  const value = parseWhole(json);
  return { value, tokens: isRecord(value) && Array.isArray(value.tokens) ? arrayBlocks(value.tokens) : null };
}
