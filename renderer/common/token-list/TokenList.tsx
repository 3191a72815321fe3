import { Button, Empty, Flex, Typography, type InputRef } from 'antd';
import { lazy, Suspense, useCallback, useDeferredValue, useId, useMemo, useState, type ReactNode, type Ref } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { ReviewCounts } from '../review-flags/ReviewCounts';
import { NO_FLAGS, withCurrentStatus } from '../review-flags/reviewFlagsMemo';
import { useReviewFlags } from '../review-flags/useReviewFlags';
import { useNow } from '../review-flags/useNow';
import { expiringWithin, formatDisplayDateTime, type ReviewFlag, type TokenPolicyRules } from '../../../shared/domain';
import { visuallyHidden } from '../styles';
import { ListFilter, ListOrder, tokenOrder, type ExpiringWithin, type RequestCounts } from './filterTokens';
import type { ListPrefs, ListSortField } from './listPrefs';
import { TokenTable, type TableSelection } from './TokenTable';
import { TokenToolbar } from './TokenToolbar';
import type { ActionsMode, ColumnHandlers, ColumnOptions } from './tokenColumns';

// A token's details load when first opened: the first screen is the list.
const TokenViewDrawer = lazy(() => import('./TokenViewDrawer').then((m) => ({ default: m.TokenViewDrawer })));

export type EditingHandlers = {
  onAdd: () => void;
  onEdit: (token: IdentificationToken) => void;
  onDelete: (token: IdentificationToken) => void;
};

/** Bulk selection (live list only): ids chosen, and the bar of actions shown above the table. */
export type ListSelection = {
  selected: ReadonlySet<number>;
  onChange: (next: ReadonlySet<number>) => void;
  /** `rows`: the tokens matching the search and filters. */
  bar: (rows: readonly IdentificationToken[]) => ReactNode;
};

export type ListReload = {
  onRefresh: () => void;
  /** When the list shown was loaded (ISO instant). */
  loadedAt: string | null;
  busy: boolean;
};

const ignore = (): void => undefined;

/**
 * The token list with its review counts, toolbar and table: editable (live), read-only with
 * the editing controls disabled and `readOnlyReason` in their tooltips (offline), or without
 * editing controls at all (no `editing`: an inventory file under review). Outside editing,
 * a token's name opens a read-only view of it.
 */
export function TokenList({
  tokens,
  roles,
  timeZone,
  prefs,
  onPrefs,
  editing,
  readOnlyReason,
  readOnlyNote,
  searchRef,
  emptyInventory,
  label,
  reload,
  policy = null,
  requests = null,
  selection,
}: {
  tokens: IdentificationToken[];
  roles: readonly RoleItem[];
  timeZone: string;
  prefs: ListPrefs;
  onPrefs: (patch: Partial<ListPrefs>) => void;
  editing?: EditingHandlers;
  readOnlyReason?: string;
  /** Shown in the read-only view of a token. */
  readOnlyNote?: string;
  searchRef?: Ref<InputRef>;
  emptyInventory: ReactNode;
  label?: string;
  reload?: ListReload;
  /** The token policy to flag tokens against (live list only: a snapshot holds none). */
  policy?: TokenPolicyRules | null;
  /** Requests of the last 30 days by token id (the live list), for its column and sort. */
  requests?: RequestCounts;
  selection?: ListSelection;
}) {
  const reasonId = useId();
  const [viewing, setViewing] = useState<IdentificationToken | null>(null);
  const flags = useReviewFlags(tokens, roles, timeZone, policy);
  const shown = useMemo(() => withCurrentStatus(tokens, flags), [tokens, flags]);

  // Typing stays responsive on a large inventory: the table catches up with the search box.
  const deferredSearch = useDeferredValue(prefs.search);
  const { status, roleId, reviewFlag, sort, order, expiresWithinDays } = prefs;
  const now = useNow();
  const expiring = useMemo<ExpiringWithin | null>(
    () => {
      if (expiresWithinDays === null) return null;
      const within = expiringWithin(expiresWithinDays, now, timeZone);
      return (token) => within(token.expiresOn);
    },
    [expiresWithinDays, now, timeZone],
  );
  // Sorted once per sort change, and brought up to date with what arrives (see ListOrder);
  // a keystroke only filters the sorted list.
  const [listOrder] = useState(() => new ListOrder());
  const compare = useMemo(() => tokenOrder({ sort, order }, requests), [sort, order, requests]);
  const sorted = useMemo(() => listOrder.sort(shown, compare), [listOrder, shown, compare]);
  const [listFilter] = useState(() => new ListFilter());
  const rows = useMemo(
    () => listFilter.filter(sorted, { search: deferredSearch, status, roleId, reviewFlag }, flags, expiring),
    [listFilter, sorted, flags, deferredSearch, status, roleId, reviewFlag, expiring],
  );

  const editable = editing !== undefined && readOnlyReason === undefined;
  const onView = useCallback((token: IdentificationToken) => setViewing(token), []);
  const onEdit = editing?.onEdit;
  const onDelete = editing?.onDelete;
  const handlers = useMemo<ColumnHandlers>(
    () => ({ onOpen: editable && onEdit ? onEdit : onView, onEdit: onEdit ?? ignore, onDelete: onDelete ?? ignore }),
    [editable, onEdit, onDelete, onView],
  );
  const options = useMemo<ColumnOptions>(() => {
    const actions: ActionsMode =
      editing === undefined ? { kind: 'hidden' } : readOnlyReason === undefined ? { kind: 'enabled' } : { kind: 'disabled', reason: readOnlyReason, reasonId };
    return { actions, flags, requests };
  }, [editing, readOnlyReason, reasonId, flags, requests]);

  const selected = selection?.selected;
  const onSelect = selection?.onChange;
  const tableSelection = useMemo<TableSelection | undefined>(() => (selected && onSelect ? { selected, onChange: onSelect } : undefined), [selected, onSelect]);

  const filtered = prefs.search !== '' || prefs.status !== null || prefs.roleId !== null || prefs.reviewFlag !== null || expiresWithinDays !== null;
  // What the table shows without rows; none while it has some, so a keystroke leaves the
  // (memoized) table's props as they were until the filtered rows arrive.
  const empty =
    rows.length > 0 ? null : tokens.length === 0 ? (
      emptyInventory
    ) : (
      <Empty description="No token matches the search and filters.">
        <Button onClick={() => onPrefs({ search: '', status: null, roleId: null, reviewFlag: null, expiresWithinDays: null })}>Clear search and filters</Button>
      </Empty>
    );
  const tablePrefs = useMemo(() => ({ sort, order, columns: prefs.columns }), [sort, order, prefs.columns]);
  const onSort = useCallback((field: ListSortField, direction: 'asc' | 'desc') => onPrefs({ sort: field, order: direction }), [onPrefs]);
  const onReviewFlag = useCallback((flag: ReviewFlag | null) => onPrefs({ reviewFlag: flag }), [onPrefs]);

  return (
    <Flex vertical gap={12}>
      {readOnlyReason !== undefined && (
        <span id={reasonId} style={visuallyHidden}>
          {readOnlyReason}
        </span>
      )}
      <ReviewCounts flags={flags} active={prefs.reviewFlag} onSelect={onReviewFlag} />
      <TokenToolbar
        prefs={prefs}
        roles={roles}
        searchRef={searchRef ?? null}
        onChange={onPrefs}
        {...(editing === undefined ? {} : { onAdd: editing.onAdd })}
        {...(readOnlyReason === undefined ? {} : { addDisabled: readOnlyReason, addDisabledId: reasonId })}
        {...(reload === undefined ? {} : { onRefresh: reload.onRefresh, refreshing: reload.busy })}
      />
      <Flex gap={8} wrap>
        <Typography.Text type="secondary" role="status">
          {filtered ? `${rows.length} of ${tokens.length} tokens` : `${tokens.length} ${tokens.length === 1 ? 'token' : 'tokens'}`}
        </Typography.Text>
        {reload?.loadedAt && (
          <Typography.Text type="secondary" data-testid="loaded-at">
            · loaded {formatDisplayDateTime(reload.loadedAt, timeZone)}
          </Typography.Text>
        )}
      </Flex>
      {selection?.bar(rows)}
      <TokenTable
        rows={rows}
        prefs={tablePrefs}
        timeZone={timeZone}
        handlers={handlers}
        options={options}
        empty={empty}
        onSort={onSort}
        {...(label === undefined ? {} : { label })}
        {...(tableSelection === undefined ? {} : { selection: tableSelection })}
      />
      <Suspense fallback={null}>
      {viewing && (
        <TokenViewDrawer
          token={viewing}
          flags={flags.get(viewing.id) ?? NO_FLAGS}
          timeZone={timeZone}
          note={readOnlyNote ?? readOnlyReason ?? 'Read-only.'}
          onClose={() => setViewing(null)}
        />
      )}
      </Suspense>
    </Flex>
  );
}
