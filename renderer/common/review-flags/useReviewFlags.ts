import { useMemo, useState } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import type { TokenPolicyRules } from '../../../shared/domain';
import { FlagCache } from './flagCache';
import type { FlagMap } from './reviewFlagsMemo';
import { useNow } from './useNow';

/**
 * The review flags of every token, by id, as of now in the organisation's zone: computed when
 * a token version arrives (see FlagCache), never per keystroke or render.
 */
export function useReviewFlags(
  tokens: readonly IdentificationToken[],
  roles: readonly RoleItem[],
  timeZone: string,
  policy: TokenPolicyRules | null = null,
): FlagMap {
  const now = useNow();
  const [cache] = useState(() => new FlagCache());
  const context = useMemo(() => cache.contextFor(roles, now, timeZone, policy), [cache, roles, now, timeZone, policy]);
  return useMemo(() => cache.flagMap(tokens, context), [cache, tokens, context]);
}
