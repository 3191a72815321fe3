import { Button, Flex, Result, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import type { RoleItem } from '../../shared/api/roles';
import type { SettingsResponse } from '../../shared/api/settings';
import type { IdentificationToken } from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';
import type { ErrorCode, IpcError } from '../../shared/ipc/errors';
import type { InventorySnapshot } from '../../shared/inventory';
import { OfflineBanner } from '../inventory/offline/OfflineBanner';
import { NO_OFFLINE_COPY } from '../inventory/offline/offlineText';
import { useCachedSnapshot, type CachedSnapshotState } from '../inventory/offline/useCachedSnapshot';
import { useReconnectGeneration } from '../inventory/offline/useReconnect';
import { OFFLINE_REASON } from '../inventory/readOnly';
import { errorText } from '../ipc/errorText';
import { useBridgeQuery, type Query } from '../ipc/useBridgeQuery';
import { useSession, useSignedIn } from '../session/SessionContext';
import { SyncingNote, SYNCING_REASON } from './SyncingNote';
import { TokensView } from './TokensView';

// Answers that mean "the server is out of reach", as opposed to "it answered no".
const UNREACHABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['offline', 'timeout']);

type Shown = { tokens: IdentificationToken[]; roles: RoleItem[]; timeZone: string };

/**
 * Security → Identification tokens: loads the whole inventory, its roles and the org's zone.
 * While the server cannot be reached it shows the profile's offline copy, read-only, and
 * goes back to live data when main reports the server answering again.
 */
export function TokensPage() {
  const { employee, profile } = useSignedIn();
  const { connection } = useSession();
  const [generation, retry] = useReconnectGeneration(profile.id);
  const key = String(generation);
  // Refresh lists every token again; other loads ask main for what changed since the last one.
  const fullNext = useRef(false);
  const tokens = useBridgeQuery((bridge) => {
    const full = fullNext.current;
    fullNext.current = false;
    return bridge.tokens.list(full ? { full } : undefined);
  }, key);
  const roles = useBridgeQuery((bridge) => bridge.roles.list(), key);
  const org = useBridgeQuery((bridge) => bridge.settings.org(), key);

  const unreachable = [tokens, roles, org].find((query) => query.status === 'error' && UNREACHABLE.has(query.error.code))?.error;
  const offline = connection === 'offline' || unreachable !== undefined;
  // Until the first answer, the saved copy paints the list at once.
  const syncing = !offline && tokens.status === 'loading';
  const cached = useCachedSnapshot(profile.id, offline || syncing, key);

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
        tokens={tokens}
        roles={roles}
        org={org}
        offline={offline ? { cached, error: unreachable } : null}
        early={syncing && cached.status === 'ready' ? cached.snapshot : null}
        adminRank={employee.rank}
        retry={retry}
        refresh={refreshAll}
      />
    </Flex>
  );
}

type Offline = { cached: CachedSnapshotState; error: IpcError | undefined };

function Body({
  tokens,
  roles,
  org,
  offline,
  early,
  adminRank,
  retry,
  refresh,
}: {
  tokens: Query<TokenListResult, ErrorCode>;
  roles: Query<RoleItem[], ErrorCode>;
  org: Query<SettingsResponse, ErrorCode>;
  offline: Offline | null;
  early: InventorySnapshot | null;
  adminRank: number;
  retry: () => void;
  refresh: () => void;
}) {
  const live: Shown | null =
    tokens.status === 'success' && roles.status === 'success' && org.status === 'success'
      ? { tokens: tokens.data.items, roles: roles.data, timeZone: org.data.timeZone }
      : null;
  const snapshot = offline?.cached.status === 'ready' ? offline.cached.snapshot : null;
  // Offline, the saved copy is shown; what was loaded live stays until it arrives (or when
  // there is none), read-only either way.
  // Connected, the saved copy stands in (read-only, dated) until the first answer lands.
  const shown: Shown | null = offline === null ? live ?? early : snapshot ?? live;
  const syncingFrom = offline === null && live === null ? early : null;
  const asOf =
    offline === null
      ? null
      : snapshot ?? (offline.cached.status !== 'loading' && live !== null && tokens.data ? { takenAt: tokens.data.fetchedAt, timeZone: live.timeZone } : null);

  if (shown !== null) {
    // One shape in both modes: the view (and a drawer open in it) survives the switch.
    return (
      <>
        {asOf !== null && <OfflineBanner snapshot={asOf} onRetry={retry} />}
        {syncingFrom !== null && <SyncingNote snapshot={syncingFrom} />}
        <TokensView
          tokens={shown.tokens}
          roles={shown.roles}
          timeZone={shown.timeZone}
          adminRank={adminRank}
          updateTokens={(change) =>
            tokens.update((data) => {
              const items = change(data.items);
              return { ...data, items, total: items.length };
            })
          }
          {...(syncingFrom !== null
            ? { readOnly: SYNCING_REASON }
            : offline === null
            ? { reload: { onRefresh: refresh, loadedAt: tokens.data?.fetchedAt ?? null, busy: tokens.refreshing } }
            : { readOnly: OFFLINE_REASON })}
        />
      </>
    );
  }

  const failed = offline === null ? [tokens, roles, org].find((query) => query.status === 'error')?.error : undefined;
  if (offline?.cached.status === 'ready' || offline?.cached.status === 'error' || failed) {
    const reasons = [
      failed ? errorText(failed) : errorText(offline?.error ?? { code: 'offline', message: '' }),
      offline?.cached.status === 'ready' ? NO_OFFLINE_COPY : null,
      offline?.cached.status === 'error' ? `The offline copy could not be read: ${offline.cached.error.message}` : null,
    ];
    return (
      <Result
        status="error"
        title="The tokens could not be loaded"
        subTitle={
          <Flex vertical gap={4}>
            {reasons.map((reason) => reason && <span key={reason}>{reason}</span>)}
          </Flex>
        }
        extra={
          <Button
            type="primary"
            onClick={() => {
              if (offline !== null) retry();
              else for (const query of [tokens, roles, org]) if (query.status === 'error') query.reload();
            }}
          >
            Retry
          </Button>
        }
      />
    );
  }
  return (
    <div aria-busy="true" aria-label="Loading tokens">
      <Skeleton active title={false} paragraph={{ rows: 1, width: '100%' }} />
      <Skeleton active paragraph={{ rows: 8 }} />
    </div>
  );
}
