import { useMemo, useState } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { assignableRoles, todayIn, type IsoDate, type TokenPolicyRules } from '../../../shared/domain';
import type { RoleChoice } from './RoleField';
import type { FormContext } from './tokenFormModel';

export type TokenFormInputs = {
  tokens: readonly IdentificationToken[];
  roles: readonly RoleItem[];
  adminRank: number;
  timeZone: string;
  /** The organisation's token policy, when known: the drawers show and apply its rules. */
  policy?: TokenPolicyRules | null;
};

/**
 * What the token form validates against: the names in the list, the roles this admin may
 * assign (the same rank rule the server enforces), and today in the organisation's zone.
 */
export function useFormContext(
  inputs: TokenFormInputs,
  editing?: IdentificationToken,
): { context: FormContext; roleChoices: RoleChoice[]; today: IsoDate } {
  const [now] = useState(() => new Date());
  const { tokens, roles, adminRank, timeZone } = inputs;
  const policy = inputs.policy ?? null;
  const existingNames = useMemo(() => tokens.map((token) => ({ id: String(token.id), name: token.name })), [tokens]);
  const assignable = useMemo(() => assignableRoles(adminRank, roles), [adminRank, roles]);
  const editingId = editing?.id;
  const currentRoleId = editing?.roleId;
  const currentExpiresOn = editing?.expiresOn;
  const currentWhitelist = editing?.whitelist;
  const currentRoleName = editing?.roleName;
  const currentPermissions = editing?.permissions;

  const context = useMemo<FormContext>(
    () => ({
      existingNames,
      ...(editingId === undefined ? {} : { exceptId: String(editingId) }),
      assignableRoleIds: new Set(assignable.map((role) => role.id)),
      ...(currentRoleId === undefined ? {} : { currentRoleId }),
      ...(currentExpiresOn === undefined ? {} : { currentExpiresOn }),
      ...(currentWhitelist === undefined ? {} : { currentWhitelist }),
      now,
      timeZone,
      policy,
    }),
    [existingNames, editingId, assignable, currentRoleId, currentExpiresOn, currentWhitelist, now, timeZone, policy],
  );

  const roleChoices = useMemo<RoleChoice[]>(() => {
    const choices: RoleChoice[] = assignable.map((role) => ({ role, assignable: true }));
    // A token may hold a role this admin could not assign: it stays visible, not selectable.
    if (currentRoleId !== undefined && !choices.some((choice) => choice.role.id === currentRoleId)) {
      const held = roles.find((role) => role.id === currentRoleId);
      choices.unshift({
        role: held ?? {
          id: currentRoleId,
          name: currentRoleName ?? `Role ${currentRoleId}`,
          type: 'employee',
          rank: 1,
          rights: {},
          modules: currentPermissions ?? [],
        },
        assignable: false,
      });
    }
    return choices;
  }, [assignable, roles, currentRoleId, currentRoleName, currentPermissions]);

  const today = useMemo(() => todayIn(timeZone, now), [timeZone, now]);
  return { context, roleChoices, today };
}
