import { z } from 'zod';

export const TOKEN_NAME_MIN = 3;
export const TOKEN_NAME_MAX = 64;

export type TokenNameResult = { ok: true; value: string } | { ok: false; message: string };

// Invisible characters let two names look identical while differing: format characters
// (zero-width space/joiners, bidi controls, BOM, soft hyphen), controls, unassigned code points,
// and every default-ignorable character (variation selectors, Hangul fillers...).
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}]/u;
const OTHER_SPACE = /[\p{Zs}\p{Zl}\p{Zp}]/u;
const LEADING = /^[\p{L}\p{Nd}]/u;
// A combining mark is allowed right after a letter (or another mark): scripts such as
// Devanagari have no precomposed forms, so NFC leaves their marks separate.
const ALLOWED = /^(?:[\p{L}\p{Nd} ._-]|(?<=[\p{L}\p{M}])\p{M})*$/u;
const DISALLOWED_CHAR = /[^\p{L}\p{M}\p{Nd} ._-]|(?<![\p{L}\p{M}])\p{M}/u;

/**
 * Token name rules: surrounding whitespace trimmed, NFC normalised, then 3–64 characters
 * (code points) of letters, digits, space, ".", "_", "-", starting with a letter or a digit.
 */
export function validateTokenName(raw: string): TokenNameResult {
  const normalised = raw.normalize('NFC');
  const value = normalised.trim();
  if (value.length === 0) return { ok: false, message: 'Enter a name.' };
  // trim() also drops U+FEFF (zero-width no-break space) at either end; refuse it like any
  // other invisible character instead of silently accepting a name that is not what was typed.
  if (INVISIBLE.test(value) || normalised.includes('\uFEFF')) {
    return { ok: false, message: 'The name contains an invisible character (such as a zero-width space); remove it.' };
  }
  const space = OTHER_SPACE.exec(value);
  if (space && space[0] !== ' ') {
    return { ok: false, message: 'Use ordinary spaces only; tabs, line breaks and other spacing characters are not allowed.' };
  }
  if (!ALLOWED.test(value)) {
    const bad = DISALLOWED_CHAR.exec(value)?.[0] ?? '';
    return {
      ok: false,
      message: `The name may contain only letters, digits, spaces, ".", "_" and "-"; "${bad}" is not allowed.`,
    };
  }
  if (!LEADING.test(value)) return { ok: false, message: 'The name must start with a letter or a digit.' };
  const length = [...value].length;
  if (length < TOKEN_NAME_MIN) {
    return { ok: false, message: `The name must be at least ${TOKEN_NAME_MIN} characters long.` };
  }
  if (length > TOKEN_NAME_MAX) {
    return { ok: false, message: `The name must be at most ${TOKEN_NAME_MAX} characters long (it has ${length}).` };
  }
  return { ok: true, value };
}

/**
 * The uniqueness key: names that differ only in case collide. Upper-casing before lower-casing
 * folds the special cases plain lower-casing misses ("ß" and "SS", "ﬁ" and "fi"); it is
 * locale-independent, so the key is the same on every machine.
 */
export function tokenNameKey(name: string): string {
  return name.normalize('NFC').trim().toUpperCase().toLowerCase().normalize('NFC');
}

const nameCollator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * The order token names are listed in, wherever they are listed (the token list, a notice):
 * case and accents aside, numbers by their value ("gamma 2" before "gamma 10").
 */
export function compareTokenNames(a: string, b: string): number {
  return nameCollator.compare(a, b);
}

/** The existing entry whose name collides with `name` (ignoring `exceptId`), or null. */
export function findNameClash<T extends { id: string; name: string }>(
  name: string,
  existing: readonly T[],
  exceptId?: string,
): T | null {
  const key = tokenNameKey(name);
  return existing.find((entry) => entry.id !== exceptId && tokenNameKey(entry.name) === key) ?? null;
}

export function nameClashMessage(name: string): string {
  return `A token named "${name}" already exists (names are compared without regard to case).`;
}

/** Accepts a raw name and outputs the trimmed, NFC-normalised value. */
export const tokenNameSchema = z.string().transform((raw, ctx) => {
  const result = validateTokenName(raw);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.value;
});
