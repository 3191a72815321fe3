import type { IdentificationToken, UpdateTokenRequest } from '../../../shared/api/tokens';
import {
  allowsEveryAddress,
  findNameClash,
  nameClashMessage,
  parseDisplayDate,
  validateNewExpiry,
  validateTokenName,
  validateWhitelist,
  type IsoDate,
} from '../../../shared/domain';

export type WhitelistRow = { key: number; value: string };

export type TokenFormValues = {
  name: string;
  roleId: number | null;
  expiresOn: IsoDate | null;
  /**
   * Text typed in Expired Date that is not a date (31/02/2027, 2026-12-31). While it is there the
   * form is invalid: a typed date never silently becomes "no expiry".
   */
  expiryText?: string;
  whitelist: WhitelistRow[];
};

export type TokenField = 'name' | 'roleId' | 'expiresOn' | 'whitelist';

let nextRowKey = 1;
export function newWhitelistRow(value = ''): WhitelistRow {
  return { key: nextRowKey++, value };
}

export function emptyFormValues(): TokenFormValues {
  return { name: '', roleId: null, expiresOn: null, whitelist: [] };
}

export function formValuesOf(token: IdentificationToken): TokenFormValues {
  return {
    name: token.name,
    roleId: token.roleId,
    expiresOn: token.expiresOn,
    whitelist: token.whitelist.map((entry) => newWhitelistRow(entry)),
  };
}

/** Blank rows are left-over "+ New IP" clicks, not entries: they are ignored, not refused. */
export function whitelistEntries(values: TokenFormValues): string[] {
  return values.whitelist.map((row) => row.value.trim()).filter((value) => value !== '');
}

export type RowProblem = { message: string; suggestion?: string };

export type FormValidation = {
  valid: boolean;
  fields: Partial<Record<Exclude<TokenField, 'whitelist'>, string>>;
  /** Per whitelist row key: what is wrong with it. */
  rows: Map<number, RowProblem>;
  rowWarnings: Map<number, RowProblem>;
  /** A problem of the list as a whole (too many entries). */
  whitelistError?: string;
  whitelistNotice: 'none' | 'no-restriction' | 'every-address';
  /** The canonical entries when the whitelist is valid. */
  canonicalWhitelist: string[];
};

export type FormContext = {
  existingNames: readonly { id: string; name: string }[];
  /** The token being edited, whose own name is not a clash. */
  exceptId?: string;
  assignableRoleIds: ReadonlySet<number>;
  /** The role the token already holds may stay even when the admin could not assign it now. */
  currentRoleId?: number;
  now: Date;
  timeZone: string;
  /** An unchanged expiry date is not a new value: an expired token may keep its date. */
  currentExpiresOn?: IsoDate | null;
};

export function validateTokenForm(values: TokenFormValues, context: FormContext): FormValidation {
  const fields: FormValidation['fields'] = {};

  const name = validateTokenName(values.name);
  if (!name.ok) fields.name = name.message;
  else {
    // Quote the token that holds the name, as it is written there: that is the one to look for.
    const clash = findNameClash(name.value, context.existingNames, context.exceptId);
    if (clash) fields.name = nameClashMessage(clash.name);
  }

  if (values.roleId === null) fields.roleId = 'Select a role.';
  else if (!context.assignableRoleIds.has(values.roleId) && values.roleId !== context.currentRoleId) {
    fields.roleId = 'You may not assign this role: it is ranked above yours.';
  }

  if (values.expiryText !== undefined) {
    const typed = parseDisplayDate(values.expiryText);
    fields.expiresOn = typed.ok ? 'Finish typing the date, or pick it in the calendar.' : typed.message;
  } else if (values.expiresOn !== null && values.expiresOn !== context.currentExpiresOn) {
    const expiry = validateNewExpiry(values.expiresOn, context.now, context.timeZone);
    if (!expiry.ok) fields.expiresOn = expiry.message;
  }

  const nonBlank = values.whitelist.filter((row) => row.value.trim() !== '');
  const list = validateWhitelist(nonBlank.map((row) => row.value.trim()));
  const rows = new Map<number, RowProblem>();
  let whitelistError: string | undefined;
  for (const issue of list.errors) {
    const row = nonBlank[issue.index];
    // One message per row; whatever else is said (the list is too long) is said of the list.
    if (row === undefined || rows.has(row.key)) whitelistError = issue.message;
    else rows.set(row.key, issue.suggestion === undefined ? { message: issue.message } : { message: issue.message, suggestion: issue.suggestion });
  }
  const rowWarnings = new Map<number, RowProblem>();
  for (const warning of list.warnings) {
    const row = nonBlank[warning.index];
    if (row !== undefined) {
      rowWarnings.set(row.key, warning.suggestion === undefined ? { message: warning.message } : { message: warning.message, suggestion: warning.suggestion });
    }
  }

  const whitelistNotice =
    nonBlank.length === 0 ? 'no-restriction' : list.ok && allowsEveryAddress(list.entries) ? 'every-address' : 'none';

  return {
    valid: Object.keys(fields).length === 0 && list.ok,
    fields,
    rows,
    rowWarnings,
    ...(whitelistError === undefined ? {} : { whitelistError }),
    whitelistNotice,
    canonicalWhitelist: list.ok ? list.entries : [],
  };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** The fields that differ from the token as loaded: what Save sends, nothing more. */
export function changedFields(base: IdentificationToken, values: TokenFormValues, validation: FormValidation): UpdateTokenRequest {
  const changes: UpdateTokenRequest = {};
  const name = validateTokenName(values.name);
  if (name.ok && name.value !== base.name) changes.name = name.value;
  if (values.roleId !== null && values.roleId !== base.roleId) changes.roleId = values.roleId;
  if (values.expiresOn !== base.expiresOn) changes.expiresOn = values.expiresOn;
  if (validation.valid && !sameList(validation.canonicalWhitelist, base.whitelist)) changes.whitelist = validation.canonicalWhitelist;
  return changes;
}

/** Whether anything on screen differs from what was loaded (typed text included, valid or not). */
export function isEdited(initial: TokenFormValues, values: TokenFormValues): boolean {
  return (
    initial.name !== values.name ||
    initial.roleId !== values.roleId ||
    initial.expiresOn !== values.expiresOn ||
    initial.expiryText !== values.expiryText ||
    !sameList(whitelistEntries(initial), whitelistEntries(values))
  );
}

/**
 * After reloading a token someone else changed: fields the user edited keep the user's value,
 * the others take the fresh one, so saving again neither loses the edits nor undoes theirs.
 */
export function rebaseValues(values: TokenFormValues, oldBase: TokenFormValues, newBase: TokenFormValues): TokenFormValues {
  return {
    name: values.name === oldBase.name ? newBase.name : values.name,
    roleId: values.roleId === oldBase.roleId ? newBase.roleId : values.roleId,
    expiresOn: values.expiresOn === oldBase.expiresOn && values.expiryText === undefined ? newBase.expiresOn : values.expiresOn,
    ...(values.expiryText === undefined ? {} : { expiryText: values.expiryText }),
    whitelist: sameList(whitelistEntries(values), whitelistEntries(oldBase)) ? newBase.whitelist : values.whitelist,
  };
}
