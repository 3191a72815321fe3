import { App, Button, Empty, Flex, Typography, type InputRef } from 'antd';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { RoleItem } from '../../shared/api/roles';
import type { IdentificationToken } from '../../shared/api/tokens';
import { DeleteTokenDialog } from './delete/DeleteTokenDialog';
import { AddTokenDrawer } from './drawers/AddTokenDrawer';
import { EditTokenDrawer } from './drawers/EditTokenDrawer';
import { filterAndSortTokens } from './filterTokens';
import type { TokenFormInputs } from './form/useFormContext';
import { TokenTable } from './list/TokenTable';
import { TokenToolbar } from './list/TokenToolbar';
import { RevealHost, type RevealHandle } from './reveal/RevealDialog';
import { useListPrefs } from './useListPrefs';
import { useShortcuts } from './useShortcuts';

type DrawerState = { kind: 'add' } | { kind: 'edit'; token: IdentificationToken } | null;

type Change = (items: IdentificationToken[]) => IdentificationToken[];

export function TokensView({
  tokens,
  roles,
  timeZone,
  adminRank,
  updateTokens,
}: {
  tokens: IdentificationToken[];
  roles: RoleItem[];
  timeZone: string;
  adminRank: number;
  updateTokens: (change: Change) => void;
}) {
  const { message } = App.useApp();
  const [prefs, setPrefs] = useListPrefs();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const [deleting, setDeleting] = useState<IdentificationToken | null>(null);
  const reveal = useRef<RevealHandle>(null);
  const search = useRef<InputRef>(null);

  // Typing stays responsive on a large inventory: the table catches up with the search box.
  const deferredSearch = useDeferredValue(prefs.search);
  const { status, roleId, sort, order } = prefs;
  const rows = useMemo(
    () => filterAndSortTokens(tokens, { search: deferredSearch, status, roleId, sort, order }),
    [tokens, deferredSearch, status, roleId, sort, order],
  );

  const inputs = useMemo<TokenFormInputs>(() => ({ tokens, roles, adminRank, timeZone }), [tokens, roles, adminRank, timeZone]);

  const openAdd = useCallback(() => setDrawer((current) => current ?? { kind: 'add' }), []);
  const onEdit = useCallback((token: IdentificationToken) => setDrawer({ kind: 'edit', token }), []);
  const onDelete = useCallback((token: IdentificationToken) => setDeleting(token), []);
  const handlers = useMemo(() => ({ onEdit, onDelete }), [onEdit, onDelete]);

  useShortcuts({ onNew: openAdd, onFind: () => search.current?.focus({ cursor: 'all' }) });

  const replace = (token: IdentificationToken) => updateTokens((items) => items.map((item) => (item.id === token.id ? token : item)));

  const filtered = prefs.search !== '' || prefs.status !== null || prefs.roleId !== null;
  const empty =
    tokens.length === 0 ? (
      <Empty description="No identification tokens yet. Click + Add to generate the first one, then give it to the application that calls the API.">
        <Button type="primary" onClick={openAdd}>
          + Add
        </Button>
      </Empty>
    ) : (
      <Empty description="No token matches the search and filters.">
        <Button onClick={() => setPrefs({ search: '', status: null, roleId: null })}>Clear search and filters</Button>
      </Empty>
    );

  return (
    <Flex vertical gap={12}>
      <TokenToolbar prefs={prefs} roles={roles} searchRef={search} onChange={setPrefs} onAdd={openAdd} />
      <Typography.Text type="secondary" role="status">
        {filtered ? `${rows.length} of ${tokens.length} tokens` : `${tokens.length} ${tokens.length === 1 ? 'token' : 'tokens'}`}
      </Typography.Text>
      <TokenTable
        rows={rows}
        prefs={prefs}
        timeZone={timeZone}
        handlers={handlers}
        empty={empty}
        onSort={(field, direction) => setPrefs({ sort: field, order: direction })}
      />
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
      <RevealHost ref={reveal} />
    </Flex>
  );
}
