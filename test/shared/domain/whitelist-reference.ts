// An independent model of whitelist parsing and matching for property tests: BigInt arithmetic
// and string splitting, sharing no code with shared/domain.

export type RefAddress = { v6: boolean; value: bigint };
export type RefEntry = { canonical: string; v6: boolean; value: bigint; prefix: number | null };

const V4 = /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/;
const GROUP = /^[0-9a-fA-F]{1,4}$/;
const MAPPED_HIGH = 0xffffn;

export function refParseV4(text: string): bigint | null {
  const m = V4.exec(text);
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return null;
  return octets.reduce((acc, o) => acc * 256n + BigInt(o), 0n);
}

function groupsOf(side: string): number[] | null {
  if (side === '') return [];
  const parts = side.split(':');
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = refParseV4(part);
      if (v4 === null) return null;
      out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else {
      if (!GROUP.test(part)) return null;
      out.push(parseInt(part, 16));
    }
  }
  return out;
}

export function refParseV6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  let groups: number[];
  if (halves.length === 2) {
    const head = groupsOf(halves[0] as string);
    const tail = groupsOf(halves[1] as string);
    if (!head || !tail) return null;
    // A dotted quad may only end the address.
    if ((halves[0] as string).includes('.')) return null;
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  } else {
    const all = groupsOf(text);
    if (!all || all.length !== 8) return null;
    groups = all;
  }
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

export function refFormatV4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

export function refIsMapped(value: bigint): boolean {
  return value >> 32n === MAPPED_HIGH;
}

export function refFormatV6(value: bigint): string {
  if (refIsMapped(value)) return `::ffff:${refFormatV4(value & 0xffffffffn)}`;
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  const full = `:${groups.join(':')}:`;
  // Longest run of ":0:0...:" of at least two groups, leftmost on ties.
  let best: string | null = null;
  for (const match of full.matchAll(/(?::0)+:/g)) {
    const run = match[0];
    if ((run.length - 1) / 2 >= 2 && (best === null || run.length > best.length)) best = run;
  }
  if (best === null) return groups.join(':');
  const at = full.indexOf(best);
  const text = `${full.slice(0, at)}::${full.slice(at + best.length)}`;
  return text.replace(/^:(?!:)/, '').replace(/(?<!:):$/, '');
}

export function refParseEntry(raw: string): RefEntry | null {
  const text = raw.trim();
  if (text === '' || /\s/.test(text)) return null;
  const pieces = text.split('/');
  if (pieces.length > 2) return null;
  const [addressText, prefixText] = pieces as [string, string | undefined];
  const v6 = addressText.includes(':');
  const value = v6 ? refParseV6(addressText) : refParseV4(addressText);
  if (value === null) return null;
  const bits = v6 ? 128 : 32;
  const format = v6 ? refFormatV6 : refFormatV4;
  if (prefixText === undefined) return { canonical: format(value), v6, value, prefix: null };
  if (!/^(0|[1-9][0-9]*)$/.test(prefixText) || Number(prefixText) > bits) return null;
  const prefix = Number(prefixText);
  if (v6 && refIsMapped(value) && prefix < 96) return null;
  const hostBits = BigInt(bits - prefix);
  if ((value >> hostBits) << hostBits !== value) return null;
  return { canonical: `${format(value)}/${prefix}`, v6, value, prefix };
}

/** The host-bits suggestion the reference expects, when the only problem is host bits. */
export function refNetwork(raw: string): string | null {
  const [addressText, prefixText] = raw.trim().split('/') as [string, string | undefined];
  if (prefixText === undefined) return null;
  const v6 = addressText.includes(':');
  const value = v6 ? refParseV6(addressText) : refParseV4(addressText);
  if (value === null || !/^(0|[1-9][0-9]*)$/.test(prefixText)) return null;
  const bits = v6 ? 128 : 32;
  const prefix = Number(prefixText);
  if (prefix > bits) return null;
  const hostBits = BigInt(bits - prefix);
  const network = (value >> hostBits) << hostBits;
  return `${(v6 ? refFormatV6 : refFormatV4)(network)}/${prefix}`;
}

/** Client address to the space it is matched in: IPv4 (mapped ones unmapped) or native IPv6. */
export function refClientAddress(text: string): RefAddress | null {
  if (text.includes(':')) {
    const zone = text.indexOf('%');
    const bare = zone >= 0 ? text.slice(0, zone) : text;
    // A zone id is an interface name or index: letters, digits, "-", "." or "_".
    if (zone >= 0 && !/^[0-9A-Za-z._-]+$/.test(text.slice(zone + 1))) return null;
    const value = refParseV6(bare);
    if (value === null) return null;
    return refIsMapped(value) ? { v6: false, value: value & 0xffffffffn } : { v6: true, value };
  }
  const value = refParseV4(text);
  return value === null ? null : { v6: false, value };
}

type RefRule = { v6: boolean; value: bigint; prefix: number };

export function refRule(entry: RefEntry): RefRule {
  const prefix = entry.prefix ?? (entry.v6 ? 128 : 32);
  if (entry.v6 && refIsMapped(entry.value)) return { v6: false, value: entry.value & 0xffffffffn, prefix: prefix - 96 };
  return { v6: entry.v6, value: entry.value, prefix };
}

export function refRuleContains(rule: RefRule, address: RefAddress): boolean {
  if (rule.v6 !== address.v6) return false;
  const shift = BigInt((rule.v6 ? 128 : 32) - rule.prefix);
  return address.value >> shift === rule.value >> shift;
}

export function refMatches(whitelist: readonly string[], address: string): boolean {
  if (whitelist.length === 0) return true;
  const client = refClientAddress(address);
  if (client === null) return false;
  return whitelist.some((text) => {
    const entry = refParseEntry(text);
    if (entry === null) throw new Error(`reference: invalid entry ${text}`);
    return refRuleContains(refRule(entry), client);
  });
}

/** Whether rule a covers every address of rule b. */
export function refCovers(a: RefEntry, b: RefEntry): boolean {
  const ra = refRule(a);
  const rb = refRule(b);
  return ra.v6 === rb.v6 && ra.prefix <= rb.prefix && refRuleContains(ra, { v6: rb.v6, value: rb.value });
}
