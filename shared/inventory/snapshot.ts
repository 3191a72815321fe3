import { z } from 'zod';
import { idSchema, instantSchema } from '../api/common';
import { moduleItemSchema } from '../api/modules';
import { roleItemSchema } from '../api/roles';
import { inventorySignatureSchema } from '../api/signing';
import { identificationTokenSchema, type IdentificationToken } from '../api/tokens';
import { isValidTimeZone } from '../domain/expiry';
import { canonicalJson } from './canonical-json';
import { isRecord, readSnapshotSource, SnapshotTextError, type SnapshotSource, type SnapshotText, type TokenBlock, type TokenBlocks } from './snapshot-source';
import { bareTokensCanonicalJson, isBareToken, tokenFileJson } from './token-json';

/*
 * An inventory snapshot: everything a reviewer needs to read a profile's tokens without a
 * connection, in one JSON file. Tokens are exactly what the API's token view returns; the
 * schema strips anything else, so a secret or a hash that slipped into a list never reaches
 * a file. The digest covers the canonical form of every field but itself, so an edit to the
 * file (by hand or by a tool) is detected when it is opened.
 */

export const INVENTORY_FORMAT = 'wifox-token-inventory';
export const INVENTORY_VERSION = 1;
export const DIGEST_ALGORITHM = 'SHA-256';

/** Injected: node:crypto in main, WebCrypto elsewhere. Hex of the SHA-256 of the UTF-8 text. */
export type Sha256Hex = (text: string) => string | Promise<string>;

/** Injected where the platform hashes incrementally (node:crypto): the text arrives in pieces. */
export type Sha256Stream = { update(text: string): void; hex(): string | Promise<string> };
export type Sha256Hashing = Sha256Hex | { stream(): Sha256Stream };

// A one-shot hash fed in pieces: the pieces are joined once, at the end (WebCrypto has no
// incremental digest).
function startHash(hashing: Sha256Hashing): Sha256Stream {
  if (typeof hashing !== 'function') return hashing.stream();
  const pieces: string[] = [];
  return { update: (text) => void pieces.push(text), hex: () => hashing(pieces.join('')) };
}

export const snapshotAuthorSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
});
export type SnapshotAuthor = z.infer<typeof snapshotAuthorSchema>;

export const snapshotDigestSchema = z.object({
  algorithm: z.literal(DIGEST_ALGORITHM),
  value: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 digest is 64 lower-case hexadecimal characters.'),
});
export type SnapshotDigest = z.infer<typeof snapshotDigestSchema>;

function duplicateIdIssues(ids: readonly number[]): { path: [number, 'id']; message: string }[] {
  const seen = new Set<number>();
  const issues: { path: [number, 'id']; message: string }[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) issues.push({ path: [index, 'id'], message: `Token id ${id} appears more than once.` });
    seen.add(id);
  });
  return issues;
}

const snapshotTokensSchema = z.array(identificationTokenSchema).superRefine((tokens, context) => {
  for (const issue of duplicateIdIssues(tokens.map((token) => token.id))) context.addIssue({ code: 'custom', ...issue });
});

// Every field before the tokens, then the tokens: opening checks them in this order too.
const headerShape = {
  format: z.literal(INVENTORY_FORMAT),
  version: z.literal(INVENTORY_VERSION),
  baseUrl: z.string().min(1).max(2048),
  takenAt: instantSchema,
  takenBy: snapshotAuthorSchema,
  timeZone: z.string().refine(isValidTimeZone, { message: 'Use an IANA time zone name such as "Europe/Paris".' }),
  modules: z.array(moduleItemSchema),
  roles: z.array(roleItemSchema),
};
const bodyShape = { ...headerShape, tokens: snapshotTokensSchema };

export const snapshotBodySchema = z.object(bodyShape);
export type SnapshotBody = z.infer<typeof snapshotBodySchema>;

// The server's signature over the digest (./signature.ts) sits beside it, outside the content.
const sealShape = { digest: snapshotDigestSchema, signature: inventorySignatureSchema.optional() };
export const inventorySnapshotSchema = z.object({ ...bodyShape, ...sealShape });
export type InventorySnapshot = z.infer<typeof inventorySnapshotSchema>;

/** What a snapshot is built from: a full load of the token list and what surrounds it. */
export type SnapshotParts = Omit<z.input<typeof snapshotBodySchema>, 'format' | 'version' | 'tokens'> & {
  tokens: readonly IdentificationToken[];
};

/** The header of a snapshot, cheap to pass around (banner, compare picker). */
export const snapshotInfoSchema = z.object({
  baseUrl: z.string(),
  takenAt: instantSchema,
  takenBy: snapshotAuthorSchema,
  timeZone: z.string(),
  tokenCount: z.number().int().nonnegative(),
  digest: z.string(),
});
export type SnapshotInfo = z.infer<typeof snapshotInfoSchema>;

export function snapshotInfo(snapshot: InventorySnapshot): SnapshotInfo {
  return {
    baseUrl: snapshot.baseUrl,
    takenAt: snapshot.takenAt,
    takenBy: snapshot.takenBy,
    timeZone: snapshot.timeZone,
    tokenCount: snapshot.tokens.length,
    digest: snapshot.digest.value,
  };
}

// Fixed field order, so files read well and compare well as text.
const BODY_KEYS = ['format', 'version', 'baseUrl', 'takenAt', 'takenBy', 'timeZone', 'modules', 'roles', 'tokens'] as const;

function orderedBody(body: SnapshotBody): SnapshotBody {
  const out: Record<string, unknown> = {};
  for (const key of BODY_KEYS) out[key] = body[key];
  return out as SnapshotBody;
}

/** Validates the parts (dropping unknown fields), orders tokens by id and seals the digest. */
export async function buildSnapshot(parts: SnapshotParts, sha256Hex: Sha256Hex): Promise<InventorySnapshot> {
  const tokens = [...parts.tokens].sort((a, b) => a.id - b.id);
  const body = orderedBody(
    snapshotBodySchema.parse({ ...parts, format: INVENTORY_FORMAT, version: INVENTORY_VERSION, tokens }),
  );
  const value = await sha256Hex(canonicalJson(body));
  return { ...body, digest: { algorithm: DIGEST_ALGORITHM, value } };
}

export const DEFAULT_CHUNK_SIZE = 1000;

function arrayLines(items: readonly unknown[]): string {
  if (items.length === 0) return '[]';
  return `[\n    ${items.map((item) => JSON.stringify(item)).join(',\n    ')}\n  ]`;
}

/*
 * The file text in pieces: chunk i holds tokens [i × chunkSize, (i + 1) × chunkSize), the first
 * also the header and the last also the footer (an empty inventory is one chunk), so a writer
 * can report progress as tokens. One token per line keeps big files readable and diffable.
 */
export function* snapshotJsonChunks(snapshot: InventorySnapshot, chunkSize = DEFAULT_CHUNK_SIZE): Generator<string> {
  const size = Math.max(1, Math.floor(chunkSize));
  const header: string[] = [];
  for (const key of BODY_KEYS) {
    if (key === 'tokens') continue;
    const value = snapshot[key];
    header.push(`  ${JSON.stringify(key)}: ${Array.isArray(value) ? arrayLines(value) : JSON.stringify(value)}`);
  }
  const signature = snapshot.signature ? `,\n  "signature": ${JSON.stringify(snapshot.signature)}` : '';
  const footer = `,\n  "digest": ${JSON.stringify(snapshot.digest)}${signature}\n}\n`;
  const { tokens } = snapshot;
  if (tokens.length === 0) {
    yield `{\n${header.join(',\n')},\n  "tokens": []${footer}`;
    return;
  }
  for (let start = 0; start < tokens.length; start += size) {
    const lines = tokens.slice(start, start + size).map(tokenFileJson);
    const opening = start === 0 ? `{\n${header.join(',\n')},\n  "tokens": [\n    ` : ',\n    ';
    const closing = start + size >= tokens.length ? `\n  ]${footer}` : '';
    yield `${opening}${lines.join(',\n    ')}${closing}`;
  }
}

export type ParseSnapshotResult = { ok: true; snapshot: InventorySnapshot } | { ok: false; message: string };

const NOT_AN_INVENTORY = 'This file is not a Wifox token inventory.';
const MAX_LISTED_ISSUES = 3;

function versionMessage(version: unknown): string {
  if (typeof version === 'number' && Number.isInteger(version) && version > INVENTORY_VERSION) {
    return `This inventory was written by a newer version (format ${version}) of the Wifox Token Console. Update the console to open it.`;
  }
  const shown = typeof version === 'number' || typeof version === 'string' ? ` (${String(version).slice(0, 20)})` : '';
  return `This inventory has an unknown format version${shown}; this console reads format ${INVENTORY_VERSION}.`;
}

type Issue = Pick<z.core.$ZodIssue, 'path' | 'message'>;

function issuesText(issues: readonly Issue[]): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const more = issues.length - listed.length;
  return `${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

export type SnapshotCheckProgress = { done: number; total: number };
export type ParseSnapshotOptions = {
  /** Tokens checked so far: a first report at 0, then one every `progressEvery` tokens and at the end. */
  onProgress?: (progress: SnapshotCheckProgress) => void;
  progressEvery?: number;
};
export type CheckSnapshotOptions = ParseSnapshotOptions & {
  /**
   * The valid tokens checked since the last report, at each report, awaited: a reader on
   * another thread can start taking them while the rest are read and checked. They come
   * before the digest is known: a refused file's tokens must be dropped. `json`, when given,
   * is a JSON text of exactly these tokens (keys sorted), already written for the digest.
   * The check keeps none of them.
   */
  onChecked: (tokens: IdentificationToken[], json: string | undefined) => void | Promise<void>;
  /**
   * The tokens handed to `onChecked` so far are to be dropped: the file turned out not to be
   * laid out one token per line, and its list is read again, whole, from the first token.
   */
  onRestart: () => void | Promise<void>;
};

/** A snapshot that passed every check, less its tokens (handed to `onChecked`). */
export type SnapshotHeader = Omit<InventorySnapshot, 'tokens'>;
export type CheckSnapshotResult = { ok: true; header: SnapshotHeader; total: number } | { ok: false; message: string };

const CHANGED =
  'The file has been changed since it was exported: its content no longer matches its SHA-256 digest. Export the inventory again from the console.';
const NOT_COMPUTED = 'The digest of this inventory could not be computed.';
const NOT_JSON = `${NOT_AN_INVENTORY} It is not valid JSON.`;
// Pieces of canonical text are handed to the hash in blocks of about this many characters.
const HASH_BLOCK = 1 << 16;

const headerSchema = z.object(headerShape);
const sealSchema = z.object(sealShape);

const damaged = (issues: readonly Issue[]): { ok: false; message: string } => ({
  ok: false,
  message: `This inventory is damaged or incomplete: ${issuesText(issues)}.`,
});

/** Hands the hash blocks of about HASH_BLOCK characters, however small the pieces written. */
function blockWriter(hash: Sha256Stream): { write(piece: string): void; end(): void } {
  let block = '';
  return {
    write(piece) {
      if (piece.length >= HASH_BLOCK) {
        // A block of tokens: hashed as it is, not copied into a bigger string first.
        if (block !== '') hash.update(block);
        hash.update(piece);
        block = '';
        return;
      }
      block += piece;
      if (block.length >= HASH_BLOCK) {
        hash.update(block);
        block = '';
      }
    },
    end: () => hash.update(block),
  };
}

/** One block of tokens against the schema. `bare`: every token valid and kept as parsed. */
type CheckedBlock = { checked: IdentificationToken[]; ids: number[]; issues: Issue[]; bare: boolean };

function checkBlock(tokens: readonly unknown[], start: number): CheckedBlock {
  const out: CheckedBlock = { checked: [], ids: [], issues: [], bare: true };
  for (const [offset, token] of tokens.entries()) {
    const result = identificationTokenSchema.safeParse(token);
    if (result.success) {
      // A bare token is the schema's output as it stands (no field is transformed): kept as
      // parsed, the copy is short-lived garbage rather than a second 100,000 objects.
      const isBare = isBareToken(token as Record<string, unknown>);
      out.checked.push(isBare ? (token as IdentificationToken) : result.data);
      out.ids.push(result.data.id);
      out.bare &&= isBare;
    } else {
      out.bare = false;
      for (const issue of result.error.issues) out.issues.push({ path: ['tokens', start + offset, ...issue.path], message: issue.message });
    }
  }
  return out;
}

/** The block's canonical text: bare tokens in one fast JSON.stringify, others (unknown fields included) token by token. */
const canonicalText = (tokens: readonly unknown[], bare: boolean): string =>
  bare ? bareTokensCanonicalJson(tokens) : `[${tokens.map((token) => canonicalJson(token)).join(',')}]`;

/**
 * What the digest pass writes for a block: its lines as they stand when the console wrote them
 * canonically (known by the first line; the digest vouches for the others), else its canonical text.
 */
function blockText(block: TokenBlock, bare: boolean): { text: string; asWritten: boolean } {
  const { json, tokens } = block;
  if (bare && json !== undefined && tokens.length > 0 && !json.includes('\n') && json.startsWith(tokenFileJson(tokens[0] as IdentificationToken), 1)) {
    return { text: json, asWritten: true };
  }
  return { text: canonicalText(tokens, bare), asWritten: false };
}

/**
 * Digests of canonicalJson(content) as written key by key, the tokens a block at a time: one
 * per hash, each block's text for each given by `visit` (a JSON array).
 */
async function digestsOf(
  content: Record<string, unknown>,
  tokens: TokenBlocks,
  every: number,
  hashings: readonly Sha256Hashing[],
  visit: (block: TokenBlock, start: number) => readonly string[] | Promise<readonly string[]>,
): Promise<string[]> {
  const streams = hashings.map((hashing) => {
    const hash = startHash(hashing);
    return { hash, writer: blockWriter(hash) };
  });
  const write = (piece: string): void => {
    for (const { writer } of streams) writer.write(piece);
  };
  const keys = Object.keys(sortedCopy(content));
  write('{');
  for (const [index, key] of keys.entries()) {
    write(`${index === 0 ? '' : ','}${JSON.stringify(key)}:`);
    if (key !== 'tokens') {
      write(canonicalJson(content[key]));
      continue;
    }
    write('[');
    for (let start = 0; ; ) {
      const block = tokens.take(every);
      if (block.tokens.length === 0) break;
      const texts = await visit(block, start);
      if (start > 0) write(',');
      streams.forEach(({ writer }, i) => writer.write((texts[i] as string).slice(1, -1)));
      start += block.tokens.length;
    }
    write(']');
  }
  write('}');
  for (const { writer } of streams) writer.end();
  return Promise.all(streams.map(({ hash }) => hash.hex()));
}

/**
 * Throws only what reading `text` throws. Checks, in order: JSON, the format name, the version,
 * the digest, then every field. The digest is checked before the fields so a hand-edited file
 * is reported as changed rather than as broken in whatever way the edit happened to break it.
 *
 * One pass over the tokens (./snapshot-source.ts reads them a block at a time): each block is
 * hashed and validated in the same step, so a big file is neither canonicalised whole nor
 * walked twice. The field errors found along the way are only reported once the digest has
 * matched. A file that turns out not to be laid out one token per line is checked again from
 * the start, read whole (`onRestart` first).
 */
export async function checkSnapshotText(text: string | SnapshotText, hashing: Sha256Hashing, options: CheckSnapshotOptions): Promise<CheckSnapshotResult> {
  try {
    return await checkRead(text, false, hashing, options);
  } catch (error) {
    if (!(error instanceof SnapshotTextError && error.reason === 'relayout')) throw error;
    await options.onRestart();
    return checkRead(text, true, hashing, options);
  }
}

async function checkRead(text: string | SnapshotText, whole: boolean, hashing: Sha256Hashing, options: CheckSnapshotOptions): Promise<CheckSnapshotResult> {
  let source: SnapshotSource;
  try {
    source = readSnapshotSource(text, { whole });
  } catch (error) {
    if (error instanceof SnapshotTextError) return { ok: false, message: NOT_JSON };
    throw error;
  }
  const raw = source.value;
  if (!isRecord(raw) || raw.format !== INVENTORY_FORMAT) return { ok: false, message: NOT_AN_INVENTORY };
  if (raw.version !== INVENTORY_VERSION) return { ok: false, message: versionMessage(raw.version) };

  // Neither the digest nor the signature over it is part of the content they seal.
  const { digest, signature: _signature, ...content } = raw;
  const sealed = snapshotDigestSchema.safeParse(digest);
  if (!sealed.success) {
    return { ok: false, message: 'This inventory has no valid SHA-256 digest, so it cannot be checked for changes.' };
  }
  const { tokens } = source;
  if (tokens === null) {
    // Not a list of tokens: nothing to walk, the whole-object check says what is wrong.
    let actual: string;
    try {
      actual = await hashOnce(hashing, canonicalJson(content));
    } catch {
      return { ok: false, message: NOT_COMPUTED };
    }
    if (actual !== sealed.data.value) return { ok: false, message: CHANGED };
    const parsed = inventorySnapshotSchema.safeParse(raw);
    return damaged(parsed.success ? [{ path: ['tokens'], message: 'Expected a list of tokens.' }] : parsed.error.issues);
  }

  const every = Math.max(1, Math.floor(options.progressEvery ?? DEFAULT_CHUNK_SIZE));
  const report = options.onProgress ?? (() => undefined);
  const ids: number[] = [];
  const tokenIssues: Issue[] = [];
  // Some blocks were hashed as they stood in the file, on the word of their first line.
  let trusted = false;
  let actual: string;
  try {
    report({ done: 0, total: tokens.total });
    [actual = ''] = await digestsOf(content, tokens, every, [hashing], async (block, start) => {
      const { checked, ids: blockIds, issues, bare } = checkBlock(block.tokens, start);
      for (const id of blockIds) ids.push(id);
      for (const issue of issues) tokenIssues.push(issue);
      const { text: written, asWritten } = blockText(block, bare);
      trusted ||= asWritten;
      // What main takes: never a text with fields the schema strips.
      await options.onChecked(checked, bare ? written : undefined);
      const done = start + block.tokens.length;
      if (Math.floor(done / every) > Math.floor(start / every) || done === tokens.total) report({ done, total: tokens.total });
      return [written];
    });
    if (actual !== sealed.data.value && trusted) actual = await recheck(text, whole, content, every, hashing, actual);
  } catch (error) {
    if (error instanceof SnapshotTextError) {
      if (error.reason === 'relayout') throw error;
      return { ok: false, message: NOT_JSON };
    }
    // The file could not be read on (it has an errno code): the reader says so, by name.
    if (isRecord(error) && typeof error.code === 'string') throw error;
    return { ok: false, message: NOT_COMPUTED };
  }
  if (actual !== sealed.data.value) return { ok: false, message: CHANGED };

  const header = headerSchema.safeParse(raw);
  const seal = sealSchema.safeParse(raw);
  // As the whole-object schema would: duplicates are looked for once every token is valid.
  const duplicates = tokenIssues.length === 0 ? duplicateIdIssues(ids).map((issue) => ({ ...issue, path: ['tokens', ...issue.path] })) : [];
  const issues = [...(header.success ? [] : header.error.issues), ...tokenIssues, ...duplicates, ...(seal.success ? [] : seal.error.issues)];
  if (!header.success || !seal.success || issues.length > 0) return damaged(issues);
  return { ok: true, header: { ...header.data, ...seal.data }, total: ids.length };
}

/**
 * A block was hashed as it stood, and the digest does not match: a line after a block's first
 * was written otherwise than canonically (by hand, by a tool). The file is read again and
 * hashed canonically, and also exactly as the first pass hashed it, which must give the first
 * pass's digest again: what was handed on is then what was hashed canonically, even if the
 * file was replaced in between. Answers the canonical digest, or `first` (a mismatch).
 */
async function recheck(text: string | SnapshotText, whole: boolean, content: Record<string, unknown>, every: number, hashing: Sha256Hashing, first: string): Promise<string> {
  const again = readSnapshotSource(text, { whole }).tokens;
  if (again === null) return first;
  let same: string | undefined;
  let canonical: string | undefined;
  try {
    [same, canonical] = await digestsOf(content, again, every, [hashing, hashing], (block, start) => {
      const { bare } = checkBlock(block.tokens, start);
      return [blockText(block, bare).text, canonicalText(block.tokens, bare)];
    });
  } catch (error) {
    // Laid out otherwise now: the file was replaced meanwhile.
    if (error instanceof SnapshotTextError) return first;
    throw error;
  }
  return same === first && canonical !== undefined ? canonical : first;
}

/** checkSnapshotText, keeping the tokens: the whole snapshot. */
export async function parseSnapshotText(text: string, hashing: Sha256Hashing, options: ParseSnapshotOptions = {}): Promise<ParseSnapshotResult> {
  const tokens: IdentificationToken[] = [];
  const checked = await checkSnapshotText(text, hashing, {
    ...options,
    onChecked: (block) => {
      for (const token of block) tokens.push(token);
    },
    onRestart: () => {
      tokens.length = 0;
    },
  });
  if (!checked.ok) return checked;
  const { digest, signature, ...body } = checked.header;
  return { ok: true, snapshot: { ...body, tokens, digest, ...(signature === undefined ? {} : { signature }) } };
}

async function hashOnce(hashing: Sha256Hashing, text: string): Promise<string> {
  const hash = startHash(hashing);
  hash.update(text);
  return hash.hex();
}

function sortedCopy(source: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) ordered[key] = source[key];
  return ordered;
}
