import type { RoleItem } from '../../shared/api/roles';
import type { SettingsResponse } from '../../shared/api/settings';
import type { IdentificationToken } from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';
import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { UNREACHABLE_CODES, type ErrorCode, type IpcError } from '../../shared/ipc/errors';
import { NO_OFFLINE_COPY } from '../common/offline/offlineText';
import type { CachedSnapshotState } from '../common/offline/useCachedSnapshot';
import type { QueryState } from '../ipc/useBridgeQuery';
import { isPartial } from './restOfList';

export type Shown = { tokens: IdentificationToken[]; roles: RoleItem[]; timeZone: string };

export type TokensPageInput = {
  tokens: QueryState<TokenListResult, ErrorCode>;
  roles: QueryState<RoleItem[], ErrorCode>;
  org: QueryState<SettingsResponse, ErrorCode>;
  /** What main reports about the server. */
  connection: 'online' | 'offline';
  /** The saved copy, asked for only while offline or syncing (see cachedCopyWanted). */
  cached: CachedSnapshotState;
  /** The rest of a list answered in pieces could not be loaded (the first rows then show, with why). */
  restFailed?: boolean;
};

/** What the Identification tokens page shows: the page renders this and decides nothing. */
export type TokensPageView =
  | { kind: 'loading' }
  // Live data, with Refresh.
  | { kind: 'live'; shown: Shown; loadedAt: string }
  // Connected, before the first answer: the saved copy stands in, read-only and dated.
  | { kind: 'syncing'; shown: Shown; asOf: { takenAt: string; timeZone: string } }
  // Read-only: the offline copy, or what was loaded live until the copy arrives (or when
  // there is none); `asOf` is what the banner dates, null while the copy is still loading.
  | { kind: 'offline'; shown: Shown; asOf: { takenAt: string; timeZone: string } | null }
  // Nothing to show: why, and whether Retry asks main to reconnect or reloads the failed calls.
  | { kind: 'failed'; reasons: string[]; retry: 'reconnect' | 'reload' };

type Queries = Pick<TokensPageInput, 'tokens' | 'roles' | 'org'>;

const unreachableError = ({ tokens, roles, org }: Queries): IpcError | undefined =>
  [tokens, roles, org].find((query) => query.status === 'error' && UNREACHABLE_CODES.has(query.error.code))?.error;

/** Whether the page is offline: main says so, or a call answered that the server is out of reach. */
export const offlineWanted = (input: Queries & { connection: 'online' | 'offline' }): boolean =>
  input.connection === 'offline' || unreachableError(input) !== undefined;

/**
 * The saved copy is read offline, and while connected until the first list answer lands, or
 * the whole list when main is still paging the server for the rest. Not when main holds the
 * rest already: reading the copy (the whole inventory again) would only slow the rest down.
 */
export const cachedCopyWanted = (input: Queries & { connection: 'online' | 'offline' }): boolean =>
  offlineWanted(input) ||
  input.tokens.status === 'loading' ||
  (input.tokens.status === 'success' && isPartial(input.tokens.data) && input.tokens.data.rest?.held !== true);

export function tokensPageView(input: TokensPageInput): TokensPageView {
  const { tokens, roles, org, cached } = input;
  const live: Shown | null =
    tokens.status === 'success' && roles.status === 'success' && org.status === 'success'
      ? { tokens: tokens.data.items, roles: roles.data, timeZone: org.data.timeZone }
      : null;

  if (!offlineWanted(input)) {
    // A list still arriving in pieces shows once complete when the saved copy stands in meanwhile.
    const arriving = tokens.status === 'loading' || (tokens.status === 'success' && isPartial(tokens.data) && input.restFailed !== true);
    const standIn = arriving && cached.status === 'ready' && cached.snapshot !== null;
    if (live !== null && tokens.status === 'success' && !standIn) return { kind: 'live', shown: live, loadedAt: tokens.data.fetchedAt };
    if (standIn && cached.status === 'ready' && cached.snapshot !== null) {
      return { kind: 'syncing', shown: cached.snapshot, asOf: cached.snapshot };
    }
    const failed = [tokens, roles, org].find((query) => query.status === 'error')?.error;
    return failed ? { kind: 'failed', reasons: [failed.message], retry: 'reload' } : { kind: 'loading' };
  }

  const snapshot = cached.status === 'ready' ? cached.snapshot : null;
  if (snapshot !== null) return { kind: 'offline', shown: snapshot, asOf: snapshot };
  if (live !== null && tokens.status === 'success') {
    const asOf = cached.status === 'loading' ? null : { takenAt: tokens.data.fetchedAt, timeZone: live.timeZone };
    return { kind: 'offline', shown: live, asOf };
  }
  if (cached.status !== 'ready' && cached.status !== 'error') return { kind: 'loading' };
  const why = unreachableError(input)?.message ?? ERROR_WORDING.offline;
  const copy = cached.status === 'ready' ? NO_OFFLINE_COPY : `The offline copy could not be read: ${cached.error.message}`;
  return { kind: 'failed', reasons: [why, copy], retry: 'reconnect' };
}
