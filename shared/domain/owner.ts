// A token's owner and description: who answers for it and what it is for. Both are free text
// a reviewer reads, exports and searches, so both refuse invisible and control characters
// (they hide text in a review and break CSV cells); the owner is also kept to one recognisable
// shape, an email address or a team name.

export const OWNER_MAX = 200;
export const DESCRIPTION_MAX = 500;

export type OwnerResult = { ok: true; value: string } | { ok: false; message: string };

// Controls, format characters (zero-width, bidi), private use, unassigned and surrogates.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/u;
// Description: line breaks and tabs are fine; other controls and the bidi overrides that can
// reorder what a reviewer reads are not (a rule JSON Schema can state as plain ranges).
export const DESCRIPTION_FORBIDDEN = String.raw`\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069`;
const HIDDEN_IN_TEXT = new RegExp(`[${DESCRIPTION_FORBIDDEN}]`, 'u');

/** An email address as people write it: one "@", no spaces, a dotted domain. */
export const OWNER_EMAIL = String.raw`[A-Za-z0-9.!#$%&'*+/=?^_\x60{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+`;
/** A team name: letters, digits, spaces and . _ - & ' ( ) / +, starting with a letter or a digit. */
export const OWNER_TEAM = String.raw`[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd} ._&'()/+-]*`;
const EMAIL = new RegExp(`^${OWNER_EMAIL}$`, 'u');
const TEAM = new RegExp(`^${OWNER_TEAM}$`, 'u');

const length = (value: string): number => [...value].length;

/** Trimmed, NFC, 1–200 characters: an email address or a team name. */
export function validateOwner(raw: string): OwnerResult {
  const value = raw.normalize('NFC').trim();
  if (value === '') return { ok: false, message: 'Enter an owner: an email address or a team name.' };
  if (HIDDEN.test(value)) return { ok: false, message: 'The owner contains an invisible or control character; remove it.' };
  if (length(value) > OWNER_MAX) return { ok: false, message: `The owner must be at most ${OWNER_MAX} characters long.` };
  if (value.includes('@')) {
    return EMAIL.test(value) ? { ok: true, value } : { ok: false, message: 'Enter the owner\'s email address as name@example.com.' };
  }
  return TEAM.test(value)
    ? { ok: true, value }
    : { ok: false, message: 'A team name may contain letters, digits, spaces and . _ - & \' ( ) / +, starting with a letter or a digit.' };
}

/** Trimmed, NFC, at most 500 characters; empty means none (null). */
export function validateDescription(raw: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const value = raw.normalize('NFC').trim();
  if (value === '') return { ok: true, value: null };
  if (HIDDEN_IN_TEXT.test(value)) return { ok: false, message: 'The description contains an invisible or control character; remove it.' };
  if (length(value) > DESCRIPTION_MAX) {
    return { ok: false, message: `The description must be at most ${DESCRIPTION_MAX} characters long (it has ${length(value)}).` };
  }
  return { ok: true, value };
}

/** The key an owner is searched by, folded like names. */
export function ownerKey(owner: string): string {
  return owner.normalize('NFC').trim().toUpperCase().toLowerCase().normalize('NFC');
}
