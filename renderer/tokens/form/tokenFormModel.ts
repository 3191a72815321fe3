import type { IdentificationToken, UpdateTokenRequest } from '../../../shared/api/tokens';
import {
  allowsEveryAddress,
  checkTokenPolicy,
  findNameClash,
  nameClashMessage,
  parseDisplayDate,
  validateNewExpiry,
  validateDescription,
  validateOwner,
  validateTokenName,
  validateWhitelist,
  type IsoDate,
  type TokenPolicyRules,
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
  /** As typed; blank means none. */
  owner: string;
  description: string;
};

export type TokenField = 'name' | 'roleId' | 'expiresOn' | 'whitelist' | 'owner' | 'description';

let nextRowKey = 1;
export function newWhitelistRow(value = ''): WhitelistRow {
  return { key: nextRowKey++, value };
}

export function emptyFormValues(): TokenFormValues {
  return { name: '', roleId: null, expiresOn: null, whitelist: [], owner: '', description: '' };
}

export function formValuesOf(token: IdentificationToken): TokenFormValues {
  return {
    name: token.name,
    roleId: token.roleId,
    expiresOn: token.expiresOn,
    whitelist: token.whitelist.map((entry) => newWhitelistRow(entry)),
    owner: token.owner ?? '',
    description: token.description ?? '',
  };
}

/** The owner to send: null when blank, the trimmed value when valid (undefined: not valid). */
export function ownerValue(values: TokenFormValues): string | null | undefined {
  if (values.owner.trim() === '') return null;
  const owner = validateOwner(values.owner);
  return owner.ok ? owner.value : undefined;
}

export function descriptionValue(values: TokenFormValues): string | null | undefined {
  const description = validateDescription(values.description);
  return description.ok ? description.value : undefined;
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
  /** The token as loaded: an edit is held to the policy on the fields it changes, as on the server. */
  currentWhitelist?: readonly string[];
  /** The organisation's token policy; null when unknown (offline). */
  policy?: TokenPolicyRules | null;
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

  if (values.owner.trim() !== '') {
    const owner = validateOwner(values.owner);
    if (!owner.ok) fields.owner = owner.message;
  }
  const description = validateDescription(values.description);
  if (!description.ok) fields.description = description.message;

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

  if (context.policy && list.ok) {
    const editing = context.exceptId !== undefined;
    const judged = {
      expiresOn: !editing || values.expiresOn !== context.currentExpiresOn,
      whitelist: !editing || !sameList(list.entries, context.currentWhitelist ?? []),
    };
    for (const breach of checkTokenPolicy({ expiresOn: values.expiresOn, whitelist: list.entries }, context.policy, context.now, context.timeZone)) {
      if (breach.field === 'expiresOn') {
        if (judged.expiresOn && values.expiryText === undefined) fields.expiresOn ??= breach.message;
      } else if (judged.whitelist) {
        const row = breach.field === 'whitelist' ? undefined : nonBlank[Number(breach.field.split('.')[1])];
        if (row === undefined) whitelistError = breach.message;
        else if (!rows.has(row.key)) rows.set(row.key, { message: breach.message });
      }
    }
  }

  const whitelistNotice =
    nonBlank.length === 0 ? 'no-restriction' : list.ok && allowsEveryAddress(list.entries) ? 'every-address' : 'none';

  return {
    valid: Object.keys(fields).length === 0 && list.ok && rows.size === 0 && whitelistError === undefined,
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
  const owner = ownerValue(values);
  if (owner !== undefined && owner !== (base.owner ?? null)) changes.owner = owner;
  const description = descriptionValue(values);
  if (description !== undefined && description !== (base.description ?? null)) changes.description = description;
  return changes;
}

/** Whether anything on screen differs from what was loaded (typed text included, valid or not). */
export function isEdited(initial: TokenFormValues, values: TokenFormValues): boolean {
  return (
    initial.name !== values.name ||
    initial.roleId !== values.roleId ||
    initial.expiresOn !== values.expiresOn ||
    initial.expiryText !== values.expiryText ||
    initial.owner !== values.owner ||
    initial.description !== values.description ||
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
    owner: values.owner === oldBase.owner ? newBase.owner : values.owner,
    description: values.description === oldBase.description ? newBase.description : values.description,
  };
}
