import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import {
  FAMILY_V4,
  FAMILY_V6,
  formatIPv4,
  isMappedWords,
  parseClientAddressInto,
  parseIPv4,
  parseIPv6Range,
} from './ip-address';

export const MAX_WHITELIST_ENTRIES = 100;
/** The longest entry text accepted (the longest IPv6 CIDR is 43 characters). */
export const MAX_WHITELIST_ENTRY_LENGTH = 100;

// The limits in the admin's words, shared by the console (before the limit is hit) and the
// server (when a request goes past it), so both say the same thing.
export function tooManyEntriesMessage(count: number): string {
  return `A whitelist holds at most ${MAX_WHITELIST_ENTRIES} entries; this one has ${count}. Remove ${count - MAX_WHITELIST_ENTRIES}, or cover several addresses with one CIDR range.`;
}

export const ENTRY_TOO_LONG_MESSAGE = `An entry is at most ${MAX_WHITELIST_ENTRY_LENGTH} characters long: write one address or one CIDR range.`;

/** What the whitelist's size means for adding entries; null while the limit is far. */
export function whitelistCapacityText(count: number): string | null {
  const left = MAX_WHITELIST_ENTRIES - count;
  if (left <= 0) {
    return `The whitelist is full: a token has at most ${MAX_WHITELIST_ENTRIES} entries. Remove one, or cover several addresses with one CIDR range.`;
  }
  if (left <= 10) return `${count} of ${MAX_WHITELIST_ENTRIES} entries: ${left} more can be added.`;
  return null;
}

export type WhitelistEntry = { canonical: string; family: 'ipv4' | 'ipv6'; prefix: number | null };

type Failure = { ok: false; message: string; suggestion?: string };

export type WhitelistEntryResult = { ok: true; entry: WhitelistEntry } | Failure;

/*
 * Matching model. IPv4 and IPv4-mapped IPv6 (::ffff:a.b.c.d) are one address space: a mapped
 * address is unmapped before matching, and a mapped rule (::ffff:0:0/96 or longer) is turned
 * into the IPv4 rule it stands for. Every other IPv6 rule matches native IPv6 addresses only,
 * so `::/0` or `::/64` never let IPv4 clients in through the mapped block they contain (the
 * "mapped CIDR shorter than /96" pitfall); allowing every IPv4 address takes 0.0.0.0/0.
 */
type Span =
  | { space: 'v4'; lo: number; hi: number; prefix: number }
  | { space: 'v6'; net: Uint32Array; mask: Uint32Array; prefix: number };

type Parsed = { entry: WhitelistEntry; span: Span };

function v4Mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function v6Masks(prefix: number): Uint32Array {
  return new Uint32Array(4).map((_, w) => v4Mask(Math.max(0, Math.min(32, prefix - 32 * w))));
}

function formatV6(words: Uint32Array): string {
  if (isMappedWords(words)) return `::ffff:${formatIPv4(words[3] as number)}`;
  const parts: number[] = [];
  for (const word of words) parts.push(word >>> 16, word & 0xffff);
  return new ipaddr.IPv6(parts).toRFC5952String();
}

const V4_SHAPE = /^[0-9.]+$/;
const V6_SHAPE = /^[0-9a-fA-F:.]+$/;
const PREFIX_SHAPE = /^(?:0|[1-9][0-9]{0,2})$/;

const invalid = (message: string, suggestion?: string): Failure =>
  suggestion === undefined ? { ok: false, message } : { ok: false, message, suggestion };

function parseEntry(raw: string): { ok: true; parsed: Parsed } | Failure {
  // Surrounding whitespace is a paste artefact and is dropped; whitespace inside is refused
  // ("1.2.3.4 /24" could be a typo for anything).
  const text = raw.trim();
  if (text === '') {
    return invalid('Enter an IPv4 or IPv6 address, or a range in CIDR notation (e.g. 192.168.1.0/24).');
  }
  if (/\s/.test(text)) return invalid(`"${text}" contains a space; remove it.`);
  const parts = text.split('/');
  if (parts.length > 2) return invalid(`"${text}" has more than one "/".`);
  const addressText = parts[0] as string;
  const prefixText = parts[1] ?? null;
  if (addressText.includes('%')) {
    return invalid('Zone identifiers ("%" and an interface name) are not allowed in a whitelist.');
  }

  if (!addressText.includes(':')) {
    const value = V4_SHAPE.test(addressText) ? parseIPv4(addressText) : -1;
    if (value < 0) {
      if (!/^[0-9a-fA-Fx.]+$/.test(addressText) || !/[0-9]/.test(addressText)) {
        return invalid(`"${addressText}" is not an IP address or a CIDR range.`);
      }
      return invalid(
        `"${addressText}" is not a valid IPv4 address: write four numbers from 0 to 255 separated by dots, without leading zeros (e.g. 203.0.113.45).`,
      );
    }
    if (prefixText === null) {
      return { ok: true, parsed: { entry: { canonical: formatIPv4(value), family: 'ipv4', prefix: null }, span: { space: 'v4', lo: value, hi: value, prefix: 32 } } };
    }
    const prefix = parsePrefix(prefixText, 32);
    if (typeof prefix === 'string') return invalid(prefix);
    const mask = v4Mask(prefix);
    const network = (value & mask) >>> 0;
    const canonical = `${formatIPv4(network)}/${prefix}`;
    if (network !== value) return hostBitsSet(text, canonical, prefix === 0);
    return { ok: true, parsed: { entry: { canonical, family: 'ipv4', prefix }, span: { space: 'v4', lo: network, hi: (network | ~mask) >>> 0, prefix } } };
  }

  const words = new Uint32Array(4);
  if (!V6_SHAPE.test(addressText) || !parseIPv6Range(addressText, 0, addressText.length, words) || !ipaddr.IPv6.isValid(addressText)) {
    return invalid(`"${addressText}" is not a valid IPv6 address.`);
  }
  const mapped = isMappedWords(words);
  if (prefixText === null) {
    const entry: WhitelistEntry = { canonical: formatV6(words), family: 'ipv6', prefix: null };
    const span: Span = mapped
      ? { space: 'v4', lo: words[3] as number, hi: words[3] as number, prefix: 32 }
      : { space: 'v6', net: words, mask: v6Masks(128), prefix: 128 };
    return { ok: true, parsed: { entry, span } };
  }
  const prefix = parsePrefix(prefixText, 128);
  if (typeof prefix === 'string') return invalid(prefix);
  if (mapped && prefix < 96) {
    return invalid(
      `An IPv4-mapped range (::ffff:…) needs a prefix of /96 or longer; "${text}" would reach far beyond the IPv4 addresses it names.`,
    );
  }
  const mask = v6Masks(prefix);
  const network = words.map((word, w) => (word & (mask[w] as number)) >>> 0);
  const canonical = `${formatV6(network)}/${prefix}`;
  if (network.some((word, w) => word !== words[w])) return hostBitsSet(text, canonical, prefix === 0);
  const entry: WhitelistEntry = { canonical, family: 'ipv6', prefix };
  if (mapped) {
    const v4Prefix = prefix - 96;
    const lo = network[3] as number;
    return { ok: true, parsed: { entry, span: { space: 'v4', lo, hi: (lo | ~v4Mask(v4Prefix)) >>> 0, prefix: v4Prefix } } };
  }
  return { ok: true, parsed: { entry, span: { space: 'v6', net: network, mask, prefix } } };
}

function parsePrefix(text: string, max: number): number | string {
  const family = max === 32 ? 'IPv4' : 'IPv6';
  if (text === '') return `Write the prefix length after "/" (0 to ${max} for ${family}).`;
  if (!PREFIX_SHAPE.test(text) || Number(text) > max) {
    return `"/${text}" is not a valid prefix length: use a whole number from 0 to ${max} for ${family}, without leading zeros.`;
  }
  return Number(text);
}

// The suggestion is the range the user most likely meant, except when that range would be
// every address: nudging someone towards 0.0.0.0/0 is never a good idea.
function hostBitsSet(text: string, network: string, everything: boolean): Failure {
  const message = `"${text}" has bits set after the prefix; a range must start at its network address (${network}).`;
  return everything ? invalid(message) : invalid(message, network);
}

/** Parses one whitelist entry into its canonical form, or explains what is wrong. */
export function parseWhitelistEntry(raw: string): WhitelistEntryResult {
  const result = parseEntry(raw);
  return result.ok ? { ok: true, entry: result.parsed.entry } : result;
}

function spanKey(span: Span): string {
  const start = span.space === 'v4' ? String(span.lo) : span.net.join('.');
  return `${span.space}:${start}/${span.prefix}`;
}

function spanContains(outer: Span, inner: Span): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a v6 span has no lo or hi, and comparing undefined is false, the answer for spans of two spaces
  if (outer.space === 'v4' && inner.space === 'v4') {
    return outer.lo <= inner.lo && inner.hi <= outer.hi;
  }
  if (outer.space === 'v6' && inner.space === 'v6') {
    // Stryker disable next-line EqualityOperator: at equal prefixes the words below decide, and equal spans never get here (duplicates are refused first)
    if (outer.prefix > inner.prefix) return false;
    for (let w = 0; w < 4; w++) {
      if ((((inner.net[w] as number) & (outer.mask[w] as number)) >>> 0) !== outer.net[w]) return false;
    }
    return true;
  }
  return false;
}

export type WhitelistIssue = { index: number; message: string; suggestion?: string };
export type WhitelistWarning = { index: number; message: string; suggestion?: string };

/** The IPv4 form of an IPv4-mapped entry (::ffff:10.0.0.1 → 10.0.0.1), which matches the same clients. */
function ipv4FormOf(parsed: Parsed): string | null {
  const { entry, span } = parsed;
  if (entry.family !== 'ipv6' || span.space !== 'v4') return null;
  const address = formatIPv4(span.lo);
  return entry.prefix === null ? address : `${address}/${span.prefix}`;
}
export type WhitelistValidation = {
  ok: boolean;
  /** Canonical text of every entry that parsed, in input order. */
  entries: string[];
  errors: WhitelistIssue[];
  warnings: WhitelistWarning[];
};

/**
 * Validates a whole list. Errors: an entry that does not parse; a duplicate, i.e. an entry
 * covering exactly the same addresses as an earlier one (1.2.3.4 and 1.2.3.4/32, or 1.2.3.4 and
 * its IPv4-mapped form ::ffff:1.2.3.4, which match the same clients); more than 100 entries.
 * Warnings: an entry already covered by another entry (10.1.2.3 inside 10.0.0.0/8); an
 * IPv4-mapped entry, with its IPv4 form as the suggestion.
 * Indexes are 0-based. Messages name the other entry by its value, never by a number: the
 * admin sees values, not positions.
 */
export function validateWhitelist(raw: readonly string[]): WhitelistValidation {
  const errors: WhitelistIssue[] = [];
  const warnings: WhitelistWarning[] = [];
  const entries: string[] = [];
  const parsed: { index: number; parsed: Parsed }[] = [];
  const seen = new Map<string, { index: number; canonical: string }>();

  raw.forEach((text, index) => {
    const result = parseEntry(text);
    if (!result.ok) {
      errors.push(result.suggestion === undefined ? { index, message: result.message } : { index, message: result.message, suggestion: result.suggestion });
      return;
    }
    const { entry, span } = result.parsed;
    entries.push(entry.canonical);
    const key = spanKey(span);
    const first = seen.get(key);
    const ipv4Form = ipv4FormOf(result.parsed);
    if (first) {
      const message =
        first.canonical === entry.canonical
          ? `${entry.canonical} is already in the list; remove the duplicate.`
          : `${entry.canonical} matches the same clients as ${first.canonical}, already in the list; remove the duplicate.`;
      errors.push({ index, message });
      return;
    }
    if (ipv4Form !== null) {
      warnings.push({
        index,
        message: `${entry.canonical} is an IPv4 ${entry.prefix === null ? 'address' : 'range'} written in IPv6 form; ${ipv4Form} matches the same clients and reads more clearly.`,
        suggestion: ipv4Form,
      });
    }
    seen.set(key, { index, canonical: entry.canonical });
    parsed.push({ index, parsed: result.parsed });
  });

  if (raw.length > MAX_WHITELIST_ENTRIES) {
    errors.push({ index: MAX_WHITELIST_ENTRIES, message: tooManyEntriesMessage(raw.length) });
  } else {
    for (const inner of parsed) {
      // Equal spans are duplicates (refused above): what is left here strictly contains it.
      const outer = parsed.find((o) => o !== inner && spanContains(o.parsed.span, inner.parsed.span));
      if (outer && !warnings.some((w) => w.index === inner.index)) {
        warnings.push({
          index: inner.index,
          message: `${inner.parsed.entry.canonical} is already covered by ${outer.parsed.entry.canonical}.`,
        });
      }
    }
  }
  errors.sort((a, b) => a.index - b.index);
  warnings.sort((a, b) => a.index - b.index);
  return { ok: errors.length === 0, entries, errors, warnings };
}

export interface WhitelistMatcher {
  /** Canonical entries the matcher was built from. */
  readonly entries: readonly string[];
  /** Whether the address (any text form, mapped or with a zone id) is allowed. */
  matches(address: string): boolean;
}

const scratch = new Uint32Array(4);

/**
 * Precomputes a matcher. IPv4 spans are merged into sorted disjoint intervals searched by
 * bisection; native IPv6 spans are network/mask word quadruples. An empty list allows every
 * address. Entries must be valid (stored lists are validated on the way in): an invalid one
 * throws rather than silently widening or narrowing access.
 */
export function compileWhitelist(canonical: readonly string[]): WhitelistMatcher {
  const entries = [...canonical];
  if (entries.length === 0) return { entries, matches: () => true };

  const v4: [number, number][] = [];
  const v6: number[] = [];
  for (const text of entries) {
    const result = parseEntry(text);
    if (!result.ok) throw new Error(`Invalid whitelist entry "${text}": ${result.message}`);
    const span = result.parsed.span;
    if (span.space === 'v4') v4.push([span.lo, span.hi]);
    else v6.push(...span.net, ...span.mask);
  }
  v4.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of v4) {
    const last = merged[merged.length - 1];
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: merging only saves bisection steps; ranges left apart still have sorted ends and share at most one address, which bisection finds the same
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  const los = Float64Array.from(merged, ([lo]) => lo);
  const his = Float64Array.from(merged, ([, hi]) => hi);
  const v4Count = merged.length;
  const v6Rules = Uint32Array.from(v6);

  return {
    entries,
    matches(address: string): boolean {
      const family = parseClientAddressInto(address, scratch);
      if (family === FAMILY_V4) {
        const value = scratch[3] as number;
        let low = 0;
        let high = v4Count - 1;
        while (low <= high) {
          const mid = (low + high) >>> 1;
          if ((los[mid] as number) > value) high = mid - 1;
          else if ((his[mid] as number) < value) low = mid + 1;
          else return true;
        }
        return false;
      }
      if (family === FAMILY_V6) {
        const a0 = scratch[0] as number;
        const a1 = scratch[1] as number;
        const a2 = scratch[2] as number;
        const a3 = scratch[3] as number;
        // Stryker disable next-line EqualityOperator: a rule read past the end is undefined words, which match no address
        for (let o = 0; o < v6Rules.length; o += 8) {
          if (
            ((a0 & (v6Rules[o + 4] as number)) >>> 0) === v6Rules[o] &&
            ((a1 & (v6Rules[o + 5] as number)) >>> 0) === v6Rules[o + 1] &&
            ((a2 & (v6Rules[o + 6] as number)) >>> 0) === v6Rules[o + 2] &&
            ((a3 & (v6Rules[o + 7] as number)) >>> 0) === v6Rules[o + 3]
          ) {
            return true;
          }
        }
      }
      return false;
    },
  };
}

/**
 * The canonical text of a client address: IPv4-mapped IPv6 unmapped to IPv4, zone id dropped,
 * IPv6 in RFC 5952 form. Null when the text is not exactly an IP address (as matches() sees it:
 * no surrounding spaces, no prefix).
 */
export function normalizeClientAddress(address: string): string | null {
  const words = new Uint32Array(4);
  const family = parseClientAddressInto(address, words);
  if (family === FAMILY_V4) return formatIPv4(words[3] as number);
  if (family === FAMILY_V6) return formatV6(words);
  return null;
}

// Review flags and policy checks ask for the span of every entry of every token, several times
// each; parsing (IPv6 above all) is the costly part. Spans are never changed once made. The
// bound keeps a long session's memory flat: a full map starts again.
const SPAN_MEMO_LIMIT = 100_000;
const spans = new Map<string, Span | null>();

function spanOf(entry: string): Span | null {
  const known = spans.get(entry);
  if (known !== undefined) return known;
  const result = parseEntry(entry);
  const span = result.ok ? result.parsed.span : null;
  if (spans.size >= SPAN_MEMO_LIMIT) spans.clear();
  spans.set(entry, span);
  return span;
}

/**
 * Whether an entry may cover more than a /`v4` in IPv4 or a /`v6` in IPv6 (null: no limit),
 * judged from its text alone. False only when a valid entry certainly does not: then no parse
 * is needed. Review flags and the policy flag ask this of every entry of every token when an
 * inventory arrives, and nearly every entry names one address or a narrow range. The text
 * tells: a valid entry's prefix is the number after its "/" (an IPv4-mapped range's, which
 * needs /96 or longer, less 96, in IPv4), and one address is /32 in IPv4 and /128 in IPv6.
 * An invalid entry has no range at all, so answering false for one changes nothing.
 */
export function mayBeWiderThan(entry: string, v4: number | null, v6: number | null): boolean {
  const slash = entry.lastIndexOf('/');
  if (slash < 0) return (v4 !== null && v4 > 32) || (v6 !== null && v6 > 128);
  const prefix = Number(entry.slice(slash + 1));
  if (!Number.isInteger(prefix)) return true;
  if (!entry.includes(':')) return v4 !== null && prefix < v4;
  return (v6 !== null && prefix < v6) || (v4 !== null && prefix >= 96 && prefix - 96 < v4);
}

/** The address space and prefix length an entry covers (a mapped IPv6 rule counts as IPv4; one address is /32 or /128). */
export function entryRange(entry: string): { space: 'v4' | 'v6'; prefix: number } | null {
  const span = spanOf(entry);
  return span === null ? null : { space: span.space, prefix: span.prefix };
}

/** 0.0.0.0/0, its mapped twin ::ffff:0.0.0.0/96, or ::/0. */
export function entryAllowsEveryAddress(entry: string): boolean {
  if (!mayBeWiderThan(entry, 1, 1)) return false;
  const span = spanOf(entry);
  return span !== null && span.prefix === 0;
}

/** Whether any entry of the list admits a whole address family. */
export function allowsEveryAddress(entries: readonly string[]): boolean {
  return entries.some(entryAllowsEveryAddress);
}

/** An IPv4 range wider than /8 (mapped ranges count as IPv4), or an entry allowing everything. */
export function isWideRange(entry: string): boolean {
  if (!mayBeWiderThan(entry, 8, 1)) return false;
  const span = spanOf(entry);
  if (span === null) return false;
  return span.prefix === 0 || (span.space === 'v4' && span.prefix < 8);
}

export const whitelistEntrySchema = z.string().transform((raw, ctx) => {
  const result = parseWhitelistEntry(raw);
  if (!result.ok) {
    ctx.addIssue({
      code: 'custom',
      message: result.message,
      ...(result.suggestion === undefined ? {} : { params: { suggestion: result.suggestion } }),
    });
    return z.NEVER;
  }
  return result.entry.canonical;
});


/** A list of raw entries in, the canonical list out; each issue has the entry index as path. */
export const whitelistSchema = z.array(z.string()).transform((raw, ctx) => {
  const result = validateWhitelist(raw);
  for (const error of result.errors) {
    ctx.addIssue({
      code: 'custom',
      message: error.message,
      path: [error.index],
      ...(error.suggestion === undefined ? {} : { params: { suggestion: error.suggestion } }),
    });
  }
  return result.ok ? result.entries : z.NEVER;
});
