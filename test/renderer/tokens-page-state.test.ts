import { describe, expect, it } from 'vitest';
import type { RoleItem } from '../../shared/api/roles';
import type { SettingsResponse } from '../../shared/api/settings';
import { buildSnapshot } from '../../shared/inventory';
import type { TokenListResult } from '../../shared/ipc/contract';
import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import type { ErrorCode } from '../../shared/ipc/errors';
import { NO_OFFLINE_COPY } from '../../renderer/common/offline/offlineText';
import type { QueryState } from '../../renderer/ipc/useBridgeQuery';
import { cachedCopyWanted, offlineWanted, tokensPageView, type TokensPageInput } from '../../renderer/tokens/tokensPageState';
import { ROLES, TIME_ZONE, seededFake, sha256Hex } from './fake-bridge';

const FETCHED_AT = '2026-07-15T08:00:00.000Z';
const fake = seededFake();
const list: QueryState<TokenListResult, ErrorCode> = { status: 'success', data: { items: fake.tokens, total: 4, fetchedAt: FETCHED_AT } };
const roles: QueryState<RoleItem[], ErrorCode> = { status: 'success', data: ROLES };
const org: QueryState<SettingsResponse, ErrorCode> = { status: 'success', data: { timeZone: TIME_ZONE, organisationName: 'Wifox Test' } };
const failed = (code: ErrorCode) => ({ status: 'error', error: { code, message: ERROR_WORDING[code] } }) as const;
const loaded: TokensPageInput = { tokens: list, roles, org, connection: 'online', cached: { status: 'idle' } };

describe('tokens page: live or offline', () => {
  it('shows live data while the server answers, with the time it was loaded', () => {
    const view = tokensPageView(loaded);
    expect(view).toMatchObject({ kind: 'live', loadedAt: FETCHED_AT });
    expect(view.kind === 'live' && view.shown.tokens).toHaveLength(4);
    expect(offlineWanted(loaded)).toBe(false);
  });

  it('waits for every call, and says why one failed when the server answered no', () => {
    expect(tokensPageView({ ...loaded, roles: { status: 'loading' } })).toEqual({ kind: 'loading' });
    expect(tokensPageView({ ...loaded, org: failed('forbidden') })).toEqual({ kind: 'failed', reasons: [ERROR_WORDING.forbidden], retry: 'reload' });
    expect(offlineWanted({ ...loaded, org: failed('forbidden') })).toBe(false);
  });

  it.each<ErrorCode>(['offline', 'timeout', 'server_error', 'bad_response', 'rate_limited'])('goes offline when a call answers %s', (code) => {
    expect(offlineWanted({ ...loaded, tokens: failed(code) })).toBe(true);
  });

  it('shows the offline copy, dated by the copy, once it is read', async () => {
    const snapshot = await buildSnapshot(fake.snapshotParts('2026-07-14T21:30:00.000Z'), sha256Hex);
    const view = tokensPageView({ ...loaded, tokens: failed('timeout'), cached: { status: 'ready', snapshot } });
    expect(view).toEqual({ kind: 'offline', shown: snapshot, asOf: snapshot });
  });

  it('keeps what was loaded live, read-only, while the copy loads and when there is none', () => {
    const offline = { ...loaded, connection: 'offline' as const };
    expect(tokensPageView({ ...offline, cached: { status: 'loading' } })).toMatchObject({ kind: 'offline', asOf: null });
    expect(tokensPageView({ ...offline, cached: { status: 'ready', snapshot: null } })).toMatchObject({
      kind: 'offline',
      asOf: { takenAt: FETCHED_AT, timeZone: TIME_ZONE },
    });
  });

  it('with nothing to show offline, says why and retries by reconnecting', () => {
    const nothing = { ...loaded, tokens: failed('timeout'), roles: { status: 'loading' } as const };
    expect(tokensPageView({ ...nothing, cached: { status: 'loading' } })).toEqual({ kind: 'loading' });
    expect(tokensPageView({ ...nothing, cached: { status: 'ready', snapshot: null } })).toEqual({
      kind: 'failed',
      reasons: [ERROR_WORDING.timeout, NO_OFFLINE_COPY],
      retry: 'reconnect',
    });
    const unreadable = tokensPageView({ ...nothing, connection: 'offline', tokens: { status: 'loading' }, cached: { status: 'error', error: failed('internal').error } });
    expect(unreadable).toEqual({
      kind: 'failed',
      reasons: [ERROR_WORDING.offline, `The offline copy could not be read: ${ERROR_WORDING.internal}`],
      retry: 'reconnect',
    });
  });
});

describe('tokens page: a list arriving in pieces', () => {
  const partial: QueryState<TokenListResult, ErrorCode> = {
    status: 'success',
    data: { items: fake.tokens.slice(0, 2), total: 4, fetchedAt: FETCHED_AT, rest: { listId: 'L1' } },
  };

  it('keeps the saved copy on screen until the list is complete, and shows the first rows when there is none', async () => {
    const snapshot = await buildSnapshot(fake.snapshotParts('2026-07-14T21:30:00.000Z'), sha256Hex);
    expect(cachedCopyWanted({ ...loaded, tokens: partial })).toBe(true);
    expect(tokensPageView({ ...loaded, tokens: partial, cached: { status: 'ready', snapshot } })).toMatchObject({ kind: 'syncing', shown: snapshot });
    const firstRows = tokensPageView({ ...loaded, tokens: partial, cached: { status: 'ready', snapshot: null } });
    expect(firstRows.kind === 'live' && firstRows.shown.tokens).toHaveLength(2);
    // The rest failed: the rows that did arrive show, live, with the reason (RestOfListNote).
    expect(tokensPageView({ ...loaded, tokens: partial, cached: { status: 'ready', snapshot }, restFailed: true })).toMatchObject({ kind: 'live' });
  });
});
