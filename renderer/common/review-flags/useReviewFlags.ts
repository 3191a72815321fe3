import { useMemo } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import type { TokenPolicyRules } from '../../../shared/domain';
import { flagMap, type FlagContext, type FlagMap } from './reviewFlagsMemo';
import { useNow } from './useNow';

/** The review flags of every token, by id, as of now in the organisation's zone. */
export function useReviewFlags(
  tokens: readonly IdentificationToken[],
  roles: readonly RoleItem[],
  timeZone: string,
  policy: TokenPolicyRules | null = null,
): FlagMap {
  const now = useNow();
  const context = useMemo<FlagContext>(
    () => ({ rights: new Map(roles.map((role) => [role.id, role.rights])), now, timeZone, policy }),
    [roles, now, timeZone, policy],
  );
  return useMemo(() => flagMap(tokens, context), [tokens, context]);
}
