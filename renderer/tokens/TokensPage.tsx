import { Flex, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelResult, TokenListResult } from '../../shared/ipc/contract';
import type { ErrorCode, IpcError } from '../../shared/ipc/errors';
import { OfflineBanner } from '../common/offline/OfflineBanner';
import { useCachedSnapshot } from '../common/offline/useCachedSnapshot';
import { useReconnectGeneration } from '../common/offline/useReconnect';
import { OFFLINE_REASON } from '../common/readOnly';
import { useFirstAnswer } from '../ipc/BridgeContext';
import { useBridgeQuery, type Query } from '../ipc/useBridgeQuery';
import { useSession, useSignedIn } from '../common/SessionContext';
import { SyncingNote, SYNCING_REASON } from './SyncingNote';
import { RestOfListNote } from './RestOfListNote';
import { applyDelta } from './listDelta';
import { FIRST_ROWS, isPartial, keepComplete } from './restOfList';
import { useRestOfList } from './useRestOfList';
import { TokensView } from './TokensView';
import { cachedCopyWanted, offlineWanted, tokensPageView, type TokensPageView } from './tokensPageState';

// How long a connected page waits for the live list before the saved copy stands in.
const STAND_IN_AFTER_MS = 100;

// The failure screen (antd's Result and its pictures) loads only when it is needed.
const LoadFailed = lazy(() => import('./LoadFailed').then((m) => ({ default: m.LoadFailed })));

/**
 * Security → Identification tokens: loads the whole inventory, its roles and the org's zone.
 * While the server cannot be reached it shows the profile's offline copy, read-only, and
 * goes back to live data when main reports the server answering again.
 */
export function TokensPage() {
  const { employee, profile } = useSignedIn();
  const { connection } = useSession();
  const [generation, reconnect] = useReconnectGeneration(profile.id);
  const key = String(generation);
  // Refresh lists every token again; other loads ask main for what changed since the last one.
  const fullNext = useRef(false);
  // The first rows main already answered to the call made before React drew (see withHeadStart).
  const firstRows = useFirstAnswer('tokens.list', { firstRows: FIRST_ROWS });
  const firstLoad = useRef(firstRows === undefined);
  // The last complete list on screen: a sync asks main only for what changed since it.
  const held = useRef<TokenListResult | null>(null);
  const tokens = useBridgeQuery(async (bridge) => {
    const full = fullNext.current;
    fullNext.current = false;
    // The first load and a full reload: the first rows at once, the rest in chunks
    // (useRestOfList). A sync (window focus, after a bulk action) answers in one piece, so
    // the list does not show "Loading tokens…" again each time the window comes back: what
    // changed since the list held, or the whole list when main cannot tell.
    const inPieces = full || firstLoad.current;
    firstLoad.current = false;
    const base = inPieces ? null : held.current;
    const since = base?.listVersion;
    const answer = await bridge.tokens.list({ ...(full ? { full } : {}), ...(inPieces ? { firstRows: FIRST_ROWS } : {}), ...(since === undefined ? {} : { since }) });
    return answer.ok && answer.value.delta !== undefined && base ? { ok: true as const, value: applyDelta(base, answer.value) } : answer;
  }, key, firstRows);
  const restError = useRestOfList(tokens);
  // The last complete list, shown while a refresh arrives in pieces.
  const [complete, setComplete] = useState<TokenListResult | null>(null);
  if (tokens.status === 'success' && !isPartial(tokens.data) && complete !== tokens.data) setComplete(tokens.data);
  const list = keepComplete(tokens, complete);
  useEffect(() => {
    held.current = complete;
  });
  const roles = useBridgeQuery((bridge) => bridge.roles.list(), key, useFirstAnswer('roles.list'));
  const org = useBridgeQuery((bridge) => bridge.settings.org(), key, useFirstAnswer('settings.org'));
  // Asked with the list rather than once it is drawn: its answer is usually in by then, so the
  // list's first render flags the tokens breaking the policy, instead of a second render
  // checking every token and drawing every row again just after the first.
  const policy = useBridgeQuery((bridge) => bridge.policy.get(), '', useFirstAnswer('policy.get'));

  // Offline, and until the first answer, the saved copy paints the list: at once offline, and
  // while connected once the list has kept the page waiting (main usually answers from what it
  // holds before that).
  const offline = offlineWanted({ tokens: list, roles, org, connection });
  const cached = useCachedSnapshot(profile.id, cachedCopyWanted({ tokens: list, roles, org, connection }), key, offline ? 0 : STAND_IN_AFTER_MS);

  // What others did meanwhile (a token used, changed or deleted) shows when the admin comes
  // back to the window, and on demand with Refresh.
  const queries = useRef({ tokens, roles, org });
  useEffect(() => {
    queries.current = { tokens, roles, org };
  });
  const refresh = useCallback(() => {
    const { tokens: list, roles: roleList, org: settings } = queries.current;
    for (const query of [list, roleList, settings]) if (query.status === 'success') query.refresh();
  }, []);
  const refreshAll = useCallback(() => {
    fullNext.current = true;
    refresh();
  }, [refresh]);
  useEffect(() => {
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Identification tokens
      </Typography.Title>
      <Body
        view={tokensPageView({ tokens: list, roles, org, connection, cached, restFailed: restError !== null })}
        tokens={tokens}
        restError={restError}
        adminRank={employee.rank}
        retry={() => {
          for (const query of [tokens, roles, org]) if (query.status === 'error') query.reload();
        }}
        reconnect={reconnect}
        refresh={refreshAll}
        sync={refresh}
        policy={policy}
      />
    </Flex>
  );
}

function Body({
  view,
  tokens,
  restError,
  adminRank,
  retry,
  reconnect,
  refresh,
  sync,
  policy,
}: {
  view: TokensPageView;
  tokens: Query<TokenListResult, ErrorCode>;
  restError: IpcError | null;
  adminRank: number;
  retry: () => void;
  reconnect: () => void;
  refresh: () => void;
  sync: () => void;
  policy: Query<ChannelResult<'policy.get'>, ErrorCode>;
}) {
  if (view.kind === 'live' || view.kind === 'offline' || view.kind === 'syncing') {
    // One shape in both modes: the view (and a drawer open in it) survives the switch.
    return (
      <>
        {view.kind === 'offline' && view.asOf !== null && <OfflineBanner snapshot={view.asOf} onRetry={reconnect} />}
        {view.kind === 'syncing' && <SyncingNote snapshot={view.asOf} />}
        {view.kind === 'live' && tokens.status === 'success' && isPartial(tokens.data) && (
          <RestOfListNote loaded={tokens.data.items.length} total={tokens.data.total} error={restError} onRetry={refresh} />
        )}
        <TokensView
          tokens={view.shown.tokens}
          roles={view.shown.roles}
          timeZone={view.shown.timeZone}
          adminRank={adminRank}
          policyQuery={policy}
          updateTokens={(change) =>
            tokens.update((data) => {
              const items = change(data.items);
              return { ...data, items, total: items.length };
            })
          }
          {...(view.kind === 'live'
            ? { reload: { onRefresh: refresh, loadedAt: view.loadedAt, busy: tokens.refreshing }, sync }
            : { readOnly: view.kind === 'syncing' ? SYNCING_REASON : OFFLINE_REASON })}
        />
      </>
    );
  }
  if (view.kind === 'failed') {
    return (
      <Suspense fallback={null}>
        <LoadFailed reasons={view.reasons} onRetry={view.retry === 'reconnect' ? reconnect : retry} />
      </Suspense>
    );
  }
  return (
    <div aria-busy="true" aria-label="Loading tokens">
      <Skeleton active title={false} paragraph={{ rows: 1, width: '100%' }} />
      <Skeleton active paragraph={{ rows: 8 }} />
    </div>
  );
}
