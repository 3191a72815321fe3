import { z } from 'zod';
import { DESCRIPTION_FORBIDDEN, DESCRIPTION_MAX, OWNER_EMAIL, OWNER_MAX, OWNER_TEAM, TOKEN_NAME_MAX, TOKEN_NAME_MIN, isIsoDate, validateDescription, validateOwner, validateTokenName } from '../domain';

// The OpenAPI document is generated from these schemas, so every rule a client can break must
// be one JSON Schema can state. JSON Schema counts string lengths in code points while zod's
// .min/.max count UTF-16 units, so lengths are checked here by code point and stated through
// .meta(); rules JSON Schema cannot hold (NFC, "not in the past") are named in the description.

const codePoints = (value: string): number => {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
};

/** A string of min..max characters (code points), as JSON Schema counts them. */
export function textSchema(min: number, max: number, tooLong?: string): z.ZodString {
  const message = tooLong ?? (min === max ? `Use exactly ${min} characters.` : min > 0 ? `Use ${min} to ${max} characters.` : `Use at most ${max} characters.`);
  return z
    .string()
    .refine((value) => {
      const length = codePoints(value);
      return length >= min && length <= max;
    }, { message, abort: true })
    .meta(min > 0 ? { minLength: min, maxLength: max } : { maxLength: max });
}

// What String.prototype.trim removes, less U+FEFF, which a name must not hold at all.
const TRIMMED_SPACE = String.raw`[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;

/** A string holding something besides whitespace; surrounding whitespace is trimmed. */
export function trimmedTextSchema(max: number) {
  return textSchema(1, max).regex(/\S/, 'Enter a value.').trim();
}

// The token name rules of shared/domain/token-name.ts on the raw text: optional surrounding
// whitespace (trimmed), then 3-64 letters, digits, " ", ".", "_", "-" starting with a letter or
// a digit, a combining mark only after a letter, nothing default-ignorable (zero-width...).
const NAME_CHAR = String.raw`(?:[\p{L}\p{Nd} ._-]|(?<=[\p{L}\p{M}])\p{M})`;
const NAME_LAST = String.raw`(?:[\p{L}\p{Nd}._-]|(?<=[\p{L}\p{M}])\p{M})`;
export const TOKEN_NAME_PATTERN = new RegExp(
  String.raw`^(?![\s\S]*\p{Default_Ignorable_Code_Point})${TRIMMED_SPACE}*[\p{L}\p{Nd}]${NAME_CHAR}{${TOKEN_NAME_MIN - 2},${TOKEN_NAME_MAX - 2}}${NAME_LAST}${TRIMMED_SPACE}*$`,
  'u',
);
/** Raw input, surrounding whitespace included. */
export const TOKEN_NAME_INPUT_MAX = 256;

/**
 * A token name as sent: the documented rules hold on the raw text; the domain's own check gives
 * the message (it names the faulty character), and the stored value is trimmed and NFC.
 */
export const tokenNameInputSchema = z
  .string()
  .meta({
    minLength: TOKEN_NAME_MIN,
    maxLength: TOKEN_NAME_INPUT_MAX,
    pattern: TOKEN_NAME_PATTERN.source,
    description: `${TOKEN_NAME_MIN} to ${TOKEN_NAME_MAX} characters once surrounding whitespace is trimmed: letters, digits, space, ".", "_", "-", starting with a letter or a digit. Stored trimmed and in Unicode NFC; send it normalised. Unique without regard to case (409 name_taken).`,
    example: 'Backend automation',
  })
  .transform((raw, ctx) => {
    const result = validateTokenName(raw);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    }
    if (codePoints(raw) > TOKEN_NAME_INPUT_MAX || !TOKEN_NAME_PATTERN.test(raw)) {
      ctx.addIssue({ code: 'custom', message: `Use ${TOKEN_NAME_MIN} to ${TOKEN_NAME_MAX} letters, digits, spaces, ".", "_" or "-", starting with a letter or a digit.` });
      return z.NEVER;
    }
    return result.value;
  });

export const ISO_DATE_PATTERN = /^[1-9]\d{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** A calendar day, YYYY-MM-DD, year 1000 or later, that exists. */
export const calendarDateSchema = z
  .string()
  .refine((value) => ISO_DATE_PATTERN.test(value) && isIsoDate(value), 'Use a calendar date in the form YYYY-MM-DD.')
  .meta({ format: 'date', pattern: ISO_DATE_PATTERN.source, example: '2031-12-31' });

/** Raw owner input, surrounding whitespace included. */
export const OWNER_INPUT_MAX = OWNER_MAX;
export const OWNER_PATTERN = new RegExp(String.raw`^${TRIMMED_SPACE}*(?:${OWNER_EMAIL}|${OWNER_TEAM})${TRIMMED_SPACE}*$`, 'u');

/** A token's owner as sent: an email address or a team name, stored trimmed and NFC. */
export const ownerInputSchema = z
  .string()
  .meta({
    minLength: 1,
    maxLength: OWNER_INPUT_MAX,
    pattern: OWNER_PATTERN.source,
    description: `Who answers for the token: an email address or a team name (letters, digits, spaces and . _ - & ' ( ) / +), 1 to ${OWNER_MAX} characters once trimmed, no control characters. Searchable.`,
    example: 'payments-team@example.com',
  })
  .transform((raw, ctx) => {
    const result = validateOwner(raw);
    if (!result.ok || codePoints(raw) > OWNER_INPUT_MAX || !OWNER_PATTERN.test(raw)) {
      ctx.addIssue({ code: 'custom', message: result.ok ? `Use 1 to ${OWNER_MAX} characters: an email address or a team name.` : result.message });
      return z.NEVER;
    }
    return result.value;
  });

/** What the token is for; trimmed, NFC, line breaks allowed; empty is stored as none (null). */
export const DESCRIPTION_PATTERN = new RegExp(`^[^${DESCRIPTION_FORBIDDEN}]*$`, 'u');
export const descriptionInputSchema = z
  .string()
  .meta({
    maxLength: DESCRIPTION_MAX,
    pattern: DESCRIPTION_PATTERN.source,
    description: `What the token is for: at most ${DESCRIPTION_MAX} characters; no control characters but line breaks and tabs, no bidi overrides. Stored trimmed; empty means none.`,
    example: 'Nightly export of invoices to the accounting system',
  })
  .transform((raw, ctx) => {
    const result = validateDescription(raw);
    if (!result.ok || codePoints(raw) > DESCRIPTION_MAX || !DESCRIPTION_PATTERN.test(raw)) {
      ctx.addIssue({ code: 'custom', message: result.ok ? `The description must be at most ${DESCRIPTION_MAX} characters long.` : result.message });
      return z.NEVER;
    }
    return result.value;
  });
