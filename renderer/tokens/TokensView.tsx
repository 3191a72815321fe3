import { App, Button, Drawer, Empty, type InputRef } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import type { RoleItem } from '../../shared/api/roles';
import type { IdentificationToken } from '../../shared/api/tokens';
import type { TokenPolicyRules } from '../../shared/domain';
import { TOKEN_DRAWER_WIDTH } from './drawers/drawerWidth';
import type { TokenFormInputs } from './form/useFormContext';
import { TokenList, type EditingHandlers, type ListReload, type ListSelection } from '../common/token-list/TokenList';
import { BulkBar } from './bulk/BulkBar';
import type { BulkKind } from './bulk/bulkText';
import { RevealHost, type RevealHandle } from '../common/reveal/RevealDialog';
import { useListPrefs } from '../common/token-list/useListPrefs';
import { useShortcuts } from './useShortcuts';
import type { ChannelResult } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/errors';
import type { Query } from '../ipc/useBridgeQuery';
import { useRequestCounts } from './useRequestCounts';

// The drawers (and their date picker) load when first opened: the first screen is the list.
const AddTokenDrawer = lazy(() => import('./drawers/AddTokenDrawer').then((m) => ({ default: m.AddTokenDrawer })));
const EditTokenDrawer = lazy(() => import('./drawers/EditTokenDrawer').then((m) => ({ default: m.EditTokenDrawer })));
// So do the dialogs (a modal appears a moment later the first time, with nothing typed yet).
const DeleteTokenDialog = lazy(() => import('./delete/DeleteTokenDialog').then((m) => ({ default: m.DeleteTokenDialog })));
const BulkDialog = lazy(() => import('./bulk/BulkDialog').then((m) => ({ default: m.BulkDialog })));

/** After the reveal dialog: the new token's row (its Edit button), or "+ Add" when it is not drawn. */
function focusTokenOrAdd(tokenName: string): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button')];
  const edit = buttons.find((button) => button.getAttribute('aria-label') === `Edit ${tokenName}`);
  const add = buttons.find((button) => button.textContent?.trim() === '+ Add');
  (edit ?? add)?.focus();
}

type DrawerState = { kind: 'add' } | { kind: 'edit'; token: IdentificationToken } | null;

type Change = (items: IdentificationToken[]) => IdentificationToken[];

const NONE: ReadonlySet<number> = new Set();

export function TokensView({
  tokens,
  roles,
  timeZone,
  adminRank,
  updateTokens,
  readOnly,
  reload,
  sync,
  policyQuery,
}: {
  tokens: IdentificationToken[];
  roles: RoleItem[];
  timeZone: string;
  adminRank: number;
  updateTokens: (change: Change) => void;
  /**
   * Why nothing can be changed (offline): Add, Edit and Delete are disabled with this reason.
   * A drawer already open stays open, so nothing typed is lost; its save says why it failed.
   */
  readOnly?: string;
  /** Live only: reloading the list, and when it was last loaded. */
  reload?: ListReload;
  /** Live only: asks main for what changed since the last load (after a bulk action). */
  sync?: () => void;
  /**
   * The token policy: the drawers show its rules up front and the list flags tokens breaking
   * it. Unknown (offline, older server) means no rules shown; the server still applies them.
   */
  policyQuery: Query<ChannelResult<'policy.get'>, ErrorCode>;
}) {
  const { message } = App.useApp();
  const [prefs, setPrefs] = useListPrefs();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const [deleting, setDeleting] = useState<IdentificationToken | null>(null);
  const reveal = useRef<RevealHandle>(null);
  const search = useRef<InputRef>(null);
  const requests = useRequestCounts(prefs.sort === 'requests' || prefs.columns.includes('requests'), readOnly === undefined ? (reload?.loadedAt ?? null) : undefined);
  const [chosen, setSelected] = useState<ReadonlySet<number>>(NONE);
  // Tokens deleted meanwhile (here or by a sync) drop out of the selection: one pass over the
  // list against the (small) selection, and none while nothing is selected.
  const selected = useMemo(() => {
    if (chosen.size === 0) return chosen;
    const kept = new Set<number>();
    for (const token of tokens) if (chosen.has(token.id)) kept.add(token.id);
    return kept.size === chosen.size ? chosen : kept;
  }, [chosen, tokens]);
  const [bulk, setBulk] = useState<{ kind: BulkKind; tokens: IdentificationToken[] } | null>(null);
  const live = readOnly === undefined && reload !== undefined;
  const selection = useMemo<ListSelection | undefined>(
    () =>
      live
        ? {
            selected,
            onChange: setSelected,
            bar: (rows) => (
              <BulkBar
                selected={selected}
                rows={rows}
                onSelect={setSelected}
                onAction={(kind) => setBulk({ kind, tokens: tokens.filter((token) => selected.has(token.id)) })}
              />
            ),
          }
        : undefined,
    [live, selected, tokens],
  );

  // Kept by value: a reload answering the same rules must not recompute 10,000 tokens' flags.
  const loaded = policyQuery.data;
  const policyKey = loaded
    ? JSON.stringify([loaded.maxLifetimeDays, loaded.requireWhitelist, loaded.widestIpv4Prefix, loaded.widestIpv6Prefix])
    : '';
  const policy = useMemo<TokenPolicyRules | null>(() => {
    if (policyKey === '') return null;
    const [maxLifetimeDays, requireWhitelist, widestIpv4Prefix, widestIpv6Prefix] = JSON.parse(policyKey) as [number | null, boolean, number | null, number | null];
    return { maxLifetimeDays, requireWhitelist, widestIpv4Prefix, widestIpv6Prefix };
  }, [policyKey]);
  const refreshPolicy = policyQuery.refresh;
  const inputs = useMemo<TokenFormInputs>(() => ({ tokens, roles, adminRank, timeZone, policy }), [tokens, roles, adminRank, timeZone, policy]);

  // Opening a drawer reads the policy again, so the rules it shows are the current ones.
  const openAdd = useCallback(() => {
    refreshPolicy();
    setDrawer((current) => current ?? { kind: 'add' });
  }, [refreshPolicy]);
  const onEdit = useCallback((token: IdentificationToken) => {
    refreshPolicy();
    setDrawer({ kind: 'edit', token });
  }, [refreshPolicy]);
  const onDelete = useCallback((token: IdentificationToken) => setDeleting(token), []);
  const editing = useMemo<EditingHandlers>(() => ({ onAdd: openAdd, onEdit, onDelete }), [openAdd, onEdit, onDelete]);

  useShortcuts({
    onNew: () => {
      if (readOnly === undefined) openAdd();
    },
    onFind: () => search.current?.focus({ cursor: 'all' }),
    onRefresh: () => reload?.onRefresh(),
  });

  const replace = (token: IdentificationToken) => updateTokens((items) => items.map((item) => (item.id === token.id ? token : item)));

  const emptyInventory = (
    <Empty description="No identification tokens yet. Click + Add to generate the first one, then give it to the application that calls the API.">
      <Button type="primary" onClick={openAdd} disabled={readOnly !== undefined}>
        + Add
      </Button>
    </Empty>
  );

  return (
    <>
      <TokenList
        tokens={tokens}
        roles={roles}
        timeZone={timeZone}
        prefs={prefs}
        onPrefs={setPrefs}
        editing={editing}
        searchRef={search}
        emptyInventory={emptyInventory}
        policy={policy}
        requests={requests}
        {...(readOnly === undefined ? {} : { readOnlyReason: readOnly })}
        {...(reload === undefined ? {} : { reload })}
        {...(selection === undefined ? {} : { selection })}
      />
      {/* While a drawer's code arrives, an empty drawer with a skeleton stands in for it. */}
      <Suspense fallback={<Drawer open loading title="Loading…" size={TOKEN_DRAWER_WIDTH} aria-label="Loading the token form" />}>
      {drawer?.kind === 'add' && (
        <AddTokenDrawer
          inputs={inputs}
          onClose={() => setDrawer(null)}
          onCreated={({ token, secret }) => {
            updateTokens((items) => [...items, token]);
            setDrawer(null);
            reveal.current?.show({ tokenName: token.name, secret });
          }}
        />
      )}
      {drawer?.kind === 'edit' && (
        <EditTokenDrawer
          key={drawer.token.id}
          token={drawer.token}
          inputs={inputs}
          onClose={() => setDrawer(null)}
          onReloaded={replace}
          onSaved={(token) => {
            replace(token);
            setDrawer(null);
            void message.success(`Token “${token.name}” saved.`);
          }}
        />
      )}
      </Suspense>
      <Suspense fallback={null}>
      {deleting && (
        <DeleteTokenDialog
          token={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={(token, alreadyGone) => {
            updateTokens((items) => items.filter((item) => item.id !== token.id));
            setDeleting(null);
            void message.success(alreadyGone ? `Token “${token.name}” had already been deleted.` : `Token “${token.name}” deleted.`);
          }}
        />
      )}
      {bulk && (
        <BulkDialog
          kind={bulk.kind}
          tokens={bulk.tokens}
          roles={roles}
          adminRank={adminRank}
          timeZone={timeZone}
          onClose={() => setBulk(null)}
          onFinished={(results) => {
            // Deleted rows go at once; the failed ones stay selected; the sync brings the edits.
            const deleted = new Set(bulk.kind === 'delete' ? results.filter((result) => result.outcome === 'ok').map((result) => result.id) : []);
            if (deleted.size > 0) updateTokens((items) => items.filter((item) => !deleted.has(item.id)));
            setSelected(new Set(results.filter((result) => result.outcome !== 'ok').map((result) => result.id)));
            sync?.();
          }}
        />
      )}
      </Suspense>
      <RevealHost ref={reveal} onClosed={focusTokenOrAdd} />
    </>
  );
}
