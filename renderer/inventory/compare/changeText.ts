import type { IdentificationToken } from '../../../shared/api/tokens';
import { formatDisplayDate } from '../../../shared/domain';
import type { FieldChange } from '../../../shared/inventory';

export type ChangeLine = { label: string; text: string };

const expiry = (iso: string | null): string => (iso === null ? 'No expiry' : formatDisplayDate(iso));

/** Each changed field as "label: text" lines: old → new, or what was added and removed. */
export function changeLines(change: FieldChange): ChangeLine[] {
  switch (change.field) {
    case 'name':
      return [{ label: 'Name', text: `${change.old} → ${change.new}` }];
    case 'role':
      return [{ label: 'Role', text: `${change.old.name} → ${change.new.name}` }];
    case 'expiresOn':
      return [{ label: 'Expiry', text: `${expiry(change.old)} → ${expiry(change.new)}` }];
    case 'owner':
      return [{ label: 'Owner', text: `${change.old ?? 'No owner'} → ${change.new ?? 'No owner'}` }];
    case 'description':
      return [{ label: 'Description', text: `${change.old ?? 'None'} → ${change.new ?? 'None'}` }];
    case 'modules':
      return [
        ...(change.added.length > 0 ? [{ label: 'Modules added', text: change.added.join(', ') }] : []),
        ...(change.removed.length > 0 ? [{ label: 'Modules removed', text: change.removed.join(', ') }] : []),
      ];
    case 'whitelist':
      return [
        ...(change.added.length > 0 ? [{ label: 'Whitelist entries added', text: change.added.join(', ') }] : []),
        ...(change.removed.length > 0 ? [{ label: 'Whitelist entries removed', text: change.removed.join(', ') }] : []),
      ];
  }
}

/** One line about a token added or removed: its role, expiry and whitelist. */
export function tokenSummary(token: IdentificationToken): string {
  const whitelist = token.whitelist.length === 0 ? 'no IP restriction' : `whitelist ${token.whitelist.join(', ')}`;
  return `${token.roleName} · ${token.expiresOn === null ? 'no expiry' : `expires ${formatDisplayDate(token.expiresOn)}`} · ${whitelist}`;
}
