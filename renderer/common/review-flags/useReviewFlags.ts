import { useMemo, useState } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { FlagCache } from './flagCache';
import type { FlagMap } from './reviewFlagsMemo';
import { useNow } from './useNow';

/**
 * The review flags of every token, by id, as of now in the organisation's zone: computed when
 * a token version arrives (see FlagCache), never per keystroke or render.
 */
export function useReviewFlags(tokens: readonly IdentificationToken[], roles: readonly RoleItem[], timeZone: string): FlagMap {
  const now = useNow();
  const [cache] = useState(() => new FlagCache());
  const context = useMemo(() => cache.contextFor(roles, now, timeZone), [cache, roles, now, timeZone]);
  return useMemo(() => cache.flagMap(tokens, context), [cache, tokens, context]);
}
