import type { IdentificationToken } from '../../../shared/api/tokens';

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** The fields someone else changed between two versions, as the form labels them. */
export function remoteChanges(before: IdentificationToken, after: IdentificationToken): string[] {
  const changed: string[] = [];
  if (before.name !== after.name) changed.push('Name');
  if (before.roleId !== after.roleId) changed.push('Role');
  if (before.expiresOn !== after.expiresOn) changed.push('Expired Date');
  if (!sameList(before.whitelist, after.whitelist)) changed.push('Whitelist');
  return changed;
}
