import { personRefSchema } from '../api/common';
import { previousSecretSchema } from '../api/rotation';
import { identificationTokenSchema, type IdentificationToken } from '../api/tokens';

/*
 * Tokens as JSON text, fast. JSON.stringify with a list of keys writes every object's keys in
 * the list's order and nothing else, two to three times faster than a replacer function. The
 * list holds the token's keys and those of its nested objects (createdBy, previousSecret),
 * whose own order agrees with it (id before name, hint before validUntil).
 */

const TOKEN_KEYS = Object.keys(identificationTokenSchema.shape);
const PERSON_KEYS = Object.keys(personRefSchema.shape);
const PREVIOUS_SECRET_KEYS = Object.keys(previousSecretSchema.shape);

// Sorted by UTF-16 code units, as canonicalJson sorts (none of these keys is numeric).
const CANONICAL_ORDER = [...new Set([...TOKEN_KEYS, ...PERSON_KEYS, ...PREVIOUS_SECRET_KEYS])].sort();

const tokenKeys = new Set(TOKEN_KEYS);
const personKeys = new Set(PERSON_KEYS);
const previousSecretKeys = new Set(PREVIOUS_SECRET_KEYS);

/**
 * One token's line in a snapshot file: the schema's fields, in canonical form. A line is then
 * already the text its digest covers, and opening the file hashes it as it stands.
 */
export function tokenFileJson(token: IdentificationToken): string {
  return JSON.stringify(token, CANONICAL_ORDER);
}

function onlyKeys(value: object, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(value)) if (!allowed.has(key)) return false;
  return true;
}

/**
 * For a token the schema accepted: true when it holds nothing the schema would strip, so the
 * checked token is the value as it was in the file.
 */
export function isBareToken(token: Record<string, unknown>): boolean {
  if (!onlyKeys(token, tokenKeys)) return false;
  const { createdBy, previousSecret } = token;
  if (typeof createdBy === 'object' && createdBy !== null && !onlyKeys(createdBy, personKeys)) return false;
  return !(typeof previousSecret === 'object' && previousSecret !== null && !onlyKeys(previousSecret, previousSecretKeys));
}

/**
 * The canonical JSON of a list of bare tokens (see isBareToken): every key of every object is
 * in the key list, so each object's keys come out sorted, exactly as canonicalJson writes them.
 */
export function bareTokensCanonicalJson(tokens: readonly unknown[]): string {
  return JSON.stringify(tokens, CANONICAL_ORDER);
}
