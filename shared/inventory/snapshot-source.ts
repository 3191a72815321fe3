/*
 * A snapshot file's JSON with its token list read a block at a time.
 *
 * A file as the console writes it (snapshotJsonChunks: one token per line between
 * `"tokens": [` and a closing `  ]`) is parsed in pieces: the fields around the list at once,
 * then each block of token lines when it is asked for. A reader on another thread then gets
 * its first tokens before the last are parsed, and each block's objects die young instead of
 * 100,000 of them living through the whole check.
 *
 * Every value is the one JSON.parse gives for the whole text. The fields are parsed with the
 * list replaced by a marker the file cannot know, which must come back as the value of the
 * last top-level `tokens` key; each piece of lines must parse as that many values, and end
 * with the comma before the next line (the list's last line with none). Pieces that each parse
 * as a list of values, joined by the commas that separated them, are exactly the list's values.
 * A file laid out otherwise from the start (re-indented by a tool, no tokens) is parsed whole.
 * One that turns out otherwise later (a token over several lines, a line without its comma)
 * throws SnapshotTextError('relayout'): its reader drops the tokens it took and reads it again
 * whole (readSnapshotSource(text, { whole: true })).
 */

/**
 * Why the text cannot be read as asked: it is not JSON, or (`relayout`) its token list is not
 * laid out one token per line after all, and must be read again whole.
 */
export class SnapshotTextError extends Error {
  constructor(readonly reason: 'not-json' | 'relayout') {
    super(reason === 'not-json' ? 'The text is not valid JSON.' : 'The token list is not laid out one token per line.');
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
  /** Tokens in the list (lines, for a list read by lines). */
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
// Pieces stay below V8's large-object size (128 KiB) even as two-byte strings (any character
// above U+00FF): a larger string gets pages of its own, fresh from the system, which costs as
// much again as parsing it on a virtual machine.
const PIECE_CHARS = 60 * 1024;

function arrayBlocks(list: readonly unknown[]): TokenBlocks {
  let next = 0;
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

/** A JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// JSON's own whitespace: String.prototype.trim also takes no-break spaces, form feeds and
// more, which JSON.parse refuses.
const isJsonSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

function jsonTrimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isJsonSpace(text.charCodeAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

function jsonTrimStart(text: string): string {
  let start = 0;
  while (start < text.length && isJsonSpace(text.charCodeAt(start))) start += 1;
  return start === 0 ? text : text.slice(start);
}

const isJsonBlank = (text: string): boolean => jsonTrimStart(text) === '';

function countLines(text: SnapshotText, from: number, to: number): number {
  let lines = 1;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

// One token per line from `from` to `to` (the newline ending the last line).
function lineBlocks(text: SnapshotText, from: number, to: number): TokenBlocks {
  const total = countLines(text, from, to);
  let at = from;
  let left = total;
  return {
    total,
    take(size) {
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
      const piece = jsonTrimEnd(text.slice(at, end));
      const last = lines === left;
      // Every line but the list's last ends with the comma before the next token.
      if (last === piece.endsWith(',')) throw new SnapshotTextError('relayout');
      // Compact text parses twice as fast as the file's, and may be the canonical text itself.
      const json = `[${jsonTrimStart((last ? piece : piece.slice(0, -1)).replaceAll(LINE_BREAK, ','))}]`;
      let tokens: unknown;
      try {
        tokens = JSON.parse(json);
      } catch {
        throw new SnapshotTextError('relayout');
      }
      if (!Array.isArray(tokens) || tokens.length !== lines) throw new SnapshotTextError('relayout');
      at = end + 1;
      left -= lines;
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
  if (firstLine === -1 || end <= firstLine || !isJsonBlank(text.slice(open + 1, firstLine))) return null;
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
  return { value, tokens: lineBlocks(text, firstLine + 1, end) };
}

/**
 * Throws SnapshotTextError('not-json') when the text is not JSON. `whole`: parsed whole, even
 * in the console's layout. A string's leading byte-order mark is skipped (a SnapshotText has none).
 */
export function readSnapshotSource(text: string | SnapshotText, { whole = false }: { whole?: boolean } = {}): SnapshotSource {
  // Editors on Windows like to add a byte-order mark.
  const json = typeof text === 'string' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const byLines = whole ? null : readByLines(json);
  if (byLines !== null) return byLines;
  const value = parseWhole(json);
  return { value, tokens: isRecord(value) && Array.isArray(value.tokens) ? arrayBlocks(value.tokens) : null };
}
