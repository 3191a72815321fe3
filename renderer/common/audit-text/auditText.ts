import type { AuditAction, AuditEvent } from '../../../shared/api/audit';
import { rotationSentences } from './rotationAuditText';
import { formatDisplayDate, parseDenialReason, retiredSecretOf, RIGHT_LABELS, moduleByKey } from '../../../shared/domain';

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'token.created': 'Created',
  'token.updated': 'Changed',
  'token.deleted': 'Deleted',
  'token.denied': 'Request refused',
  'token.rotated': 'Secret rotated',
  'token.overlap_ended': 'Overlap ended',
  'token.secret_used': 'Called during overlap',
  'token.revoked': 'Revoked (leaked)',
  'login.failed': 'Sign-in failed',
  'login.locked': 'Account locked',
  'role.created': 'Role defined',
  'role.updated': 'Role changed',
  'role.deleted': 'Role deleted',
  'policy.updated': 'Token policy changed',
  'inventory.signed': 'Inventory signed',
  'signing_key.rotated': 'Signing key rotated',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []);
const quoted = (value: string) => `“${value}”`;
const isoDate = (value: unknown): string | null => {
  const date = text(value);
  return date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
};

function expiryPhrase(value: unknown): string {
  const date = isoDate(value);
  return date === null ? 'no expiry date' : `expiry at the end of ${formatDisplayDate(date)}`;
}

function whitelistPhrase(entries: string[]): string {
  return entries.length === 0 ? 'no IP restriction' : `whitelist ${entries.join(', ')}`;
}

function expiryChange(before: unknown, after: unknown): string {
  const from = isoDate(before);
  const to = isoDate(after);
  if (from === null && to !== null) return `Expiry date set to ${formatDisplayDate(to)}.`;
  if (from !== null && to === null) return `Expiry date ${formatDisplayDate(from)} removed: the token no longer expires.`;
  if (from !== null && to !== null) return `Expiry date changed from ${formatDisplayDate(from)} to ${formatDisplayDate(to)}.`;
  return 'Expiry date changed.';
}

function whitelistChange(before: unknown, after: unknown): string {
  const from = list(before);
  const to = list(after);
  if (to.length === 0) return 'Whitelist emptied: the token is now accepted from any address.';
  const added = to.filter((entry) => !from.includes(entry));
  const removed = from.filter((entry) => !to.includes(entry));
  const parts = [
    added.length > 0 ? `added ${added.join(', ')}` : null,
    removed.length > 0 ? `removed ${removed.join(', ')}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? 'Whitelist reordered.' : `Whitelist: ${parts.join('; ')}.`;
}

function changeSentence(field: string, before: unknown, after: unknown): string {
  switch (field) {
    case 'name':
      return `Renamed from ${quoted(text(before) ?? '?')} to ${quoted(text(after) ?? '?')}.`;
    case 'role':
    case 'roleName':
    case 'roleId':
      return `Role changed from ${quoted(String(before ?? '?'))} to ${quoted(String(after ?? '?'))}.`;
    case 'expiresOn':
      return expiryChange(before, after);
    case 'whitelist':
      return whitelistChange(before, after);
    case 'owner':
    case 'description': {
      const label = field === 'owner' ? 'Owner' : 'Description';
      const from = text(before);
      const to = text(after);
      if (to === null) return `${label} ${quoted(from ?? '?')} removed.`;
      return from === null ? `${label} set to ${quoted(to)}.` : `${label} changed from ${quoted(from)} to ${quoted(to)}.`;
    }
    default:
      return `${field} changed.`;
  }
}

function refusalSentence(event: AuditEvent): string {
  const from = event.ip ? `from ${event.ip} ` : '';
  const reason = parseDenialReason(event.reason ?? '');
  switch (reason?.reason) {
    case 'ip_not_allowed':
      return `A request ${from}was refused: that address is not in the token's whitelist.`;
    case 'expired':
      return `A request ${from}was refused: the token had expired.`;
    case 'unknown_token': {
      const retired = retiredSecretOf(event.reason);
      const name = event.tokenName ? ` ${quoted(event.tokenName)}` : '';
      if (retired === 'deleted') return `A request ${from}was refused: it used the secret of deleted token${name}.`;
      if (retired === 'rotated') return `A request ${from}was refused: it used a rotated-out secret of token${name}.`;
      return `A request ${from}was refused: the token was not recognised.`;
    }
    case 'insufficient_rights':
      return reason.needed
        ? `A request ${from}was refused: the token's role lacks the “${RIGHT_LABELS[reason.needed.right]}” right on ${moduleByKey(reason.needed.module).name}.`
        : `A request ${from}was refused: the token's role lacks the right the request needed.`;
    default:
      return `A request ${from}was refused.`;
  }
}

/** What happened, as sentences an admin reads without knowing the API's codes. */
export function eventSentences(event: AuditEvent): string[] {
  const changes = event.changes ?? {};
  switch (event.action) {
    case 'token.created': {
      const name = text(changes.name?.[1]) ?? event.tokenName;
      const role = text(changes.role?.[1]);
      const parts = [role ? `role ${quoted(role)}` : null, whitelistPhrase(list(changes.whitelist?.[1])), expiryPhrase(changes.expiresOn?.[1])];
      return [`Created${name ? ` as ${quoted(name)}` : ''} with ${parts.filter(Boolean).join(', ')}.`];
    }
    case 'token.updated': {
      const lines = Object.entries(changes).map(([field, [before, after]]) => changeSentence(field, before, after));
      return lines.length > 0 ? lines : ['Saved without changes.'];
    }
    case 'token.deleted':
      return ['Deleted: applications using it are refused from now on.'];
    case 'token.denied':
      return [refusalSentence(event)];
    case 'token.rotated':
    case 'token.overlap_ended':
    case 'token.secret_used':
    case 'token.revoked':
      return rotationSentences(event);
    case 'login.failed':
      return [event.reason === 'wrong_password' ? 'A sign-in failed: wrong password.' : 'A sign-in failed.'];
    case 'login.locked':
      return ['The account was locked after too many failed sign-ins.'];
    case 'role.created':
    case 'role.updated':
    case 'role.deleted':
      return [`${AUDIT_ACTION_LABELS[event.action]}: ${quoted(event.role?.name ?? 'unknown role')}.`];
    case 'policy.updated':
      return ['The token policy was changed.'];
    case 'inventory.signed':
    case 'signing_key.rotated':
      return [`${AUDIT_ACTION_LABELS[event.action]}${event.reason ? `: ${event.reason}` : ''}.`];
  }
}
