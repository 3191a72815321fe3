import type { AuditAction, AuditEvent } from '../../../shared/api/audit';

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'token.created': 'Created',
  'token.updated': 'Updated',
  'token.deleted': 'Deleted',
  'token.denied': 'Refused a request',
  'login.failed': 'Failed sign-in',
  'login.locked': 'Account locked',
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  roleId: 'Role',
  roleName: 'Role',
  expiresOn: 'Expired Date',
  whitelist: 'Whitelist',
};

function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(valueText).join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** "Role: Read-only Clients → Full CB Access" for each changed field of an event. */
export function changeLines(event: AuditEvent): string[] {
  return Object.entries(event.changes ?? {}).map(
    ([field, [before, after]]) => `${FIELD_LABELS[field] ?? field}: ${valueText(before)} → ${valueText(after)}`,
  );
}
