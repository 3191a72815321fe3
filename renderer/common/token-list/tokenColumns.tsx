import { DeleteOutlined, EditOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography, type TableColumnType } from 'antd';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { formatDisplayDate, formatDisplayDateTime } from '../../../shared/domain';
import { DisabledReason, passThroughPointer } from '../readOnly';
import { ReviewTags } from '../review-flags/flagStyle';
import { NO_FLAGS, type FlagMap } from '../review-flags/reviewFlagsMemo';
import type { ListPrefs, ListSortField, OptionalColumn } from './listPrefs';
import { CollapsedList } from './CollapsedList';
import { inlineRow, monospace, visuallyHidden } from '../styles';
import { RotatingNote } from './RotatingNote';
import { RowButton, RowTag } from '../rowParts';

export type ColumnHandlers = {
  /** The token's name was clicked: the edit drawer, or a read-only view. */
  onOpen: (token: IdentificationToken) => void;
  onEdit: (token: IdentificationToken) => void;
  onDelete: (token: IdentificationToken) => void;
};

/**
 * ✏️ and 🗑️: usable; shown disabled with the reason (offline; `reasonId` names an element
 * holding the reason, for the buttons' accessible description); or left out (a file).
 */
export type ActionsMode =
  | { kind: 'enabled' }
  | { kind: 'disabled'; reason: string; reasonId: string }
  | { kind: 'hidden' };

export type ColumnOptions = {
  actions: ActionsMode;
  /** Review flags by token id, for the Review column. */
  flags?: FlagMap;
  /** Requests of the last 30 days by token id, for the Requests column (live list only). */
  requests?: ReadonlyMap<number, number> | null;
};


const ellipsis = { display: 'block', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
const ADDRESS = { ...monospace, ...ellipsis };
const NAME_LINK = { paddingInline: 0, height: 'auto', maxWidth: '100%', overflow: 'hidden' } as const;

// Never-sorted state would fall back to an arbitrary order; cycling asc/desc keeps one.
type SortOrder = TableColumnType<IdentificationToken>['sortOrder'];
const DIRECTIONS: NonNullable<TableColumnType<IdentificationToken>['sortDirections']> = ['ascend', 'descend', 'ascend'];

function sortOrderOf(prefs: Pick<ListPrefs, 'sort' | 'order'>, field: ListSortField): SortOrder {
  if (prefs.sort !== field) return null;
  return prefs.order === 'asc' ? 'ascend' : 'descend';
}

const EXPIRY = inlineRow(6);
const ACTIONS = inlineRow(4);

/** `badge`: say Expired / Expiring soon here, unless the Review column already says it. */
export function ExpiryCell({ token, badge = true }: { token: IdentificationToken; badge?: boolean }) {
  if (token.expiresOn === null) return <span style={visuallyHidden}>No expiry date</span>;
  return (
    <span style={EXPIRY}>
      <span>{formatDisplayDate(token.expiresOn)}</span>
      {badge && token.status === 'expired' && <RowTag color="error">Expired</RowTag>}
      {badge && token.status === 'expiring' && <RowTag color="warning">Expiring soon</RowTag>}
    </span>
  );
}

function ActionButtons({ token, handlers, actions }: { token: IdentificationToken; handlers: ColumnHandlers; actions: ActionsMode }) {
  if (actions.kind === 'disabled') {
    return (
      <span style={ACTIONS}>
        <DisabledReason reason={actions.reason}>
          <Button type="text" icon={<EditOutlined />} aria-label={`Edit ${token.name}`} aria-describedby={actions.reasonId} disabled style={passThroughPointer} />
        </DisabledReason>
        <DisabledReason reason={actions.reason}>
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Delete ${token.name}`} aria-describedby={actions.reasonId} disabled style={passThroughPointer} />
        </DisabledReason>
      </span>
    );
  }
  return (
    // The system's tooltip, not antd's: two per visible row, and each antd one is a popup
    // trigger of its own that every keystroke in Search would mount again.
    <span style={ACTIONS}>
      <RowButton variant="text" title="Edit" icon={<EditOutlined />} aria-label={`Edit ${token.name}`} onClick={() => handlers.onEdit(token)} />
      <RowButton variant="text" title="Delete" danger icon={<DeleteOutlined />} aria-label={`Delete ${token.name}`} onClick={() => handlers.onDelete(token)} />
    </span>
  );
}

// The default columns (all but Role, Last used and Created) fit a 1400-pixel window beside the
// menu, so the fixed Actions column covers none of them.
export function tokenColumns(
  handlers: ColumnHandlers,
  prefs: Pick<ListPrefs, 'sort' | 'order' | 'columns'>,
  timeZone: string,
  options: ColumnOptions = { actions: { kind: 'enabled' } },
): TableColumnType<IdentificationToken>[] {
  const optional = new Set<OptionalColumn>(prefs.columns);
  const { actions, flags, requests } = options;
  const reviewShown = optional.has('review') && flags !== undefined;
  const columns: (TableColumnType<IdentificationToken> | false)[] = [
    {
      key: 'name',
      title: 'Token',
      dataIndex: 'name',
      width: 190,
      sorter: true,
      sortDirections: DIRECTIONS,
      sortOrder: sortOrderOf(prefs, 'name'),
      render: (_: unknown, token) => (
        // A long name without spaces ellipsizes inside its column; the whole name is on hover.
        <>
          <RowButton variant="link" title={token.name} style={NAME_LINK} onClick={() => handlers.onOpen(token)}>
            <span style={ellipsis}>{token.name}</span>
          </RowButton>
          <RotatingNote token={token} timeZone={timeZone} />
        </>
      ),
    },
    {
      key: 'permissions',
      title: 'Permissions',
      width: 240,
      render: (_: unknown, token) => (
        <CollapsedList items={token.permissions} label={`permissions of ${token.name}`} render={(module) => <RowTag>{module}</RowTag>} />
      ),
    },
    {
      key: 'whitelist',
      title: (
        <Space size={4}>
          Whitelisted IPs
          <Tooltip title="Blank means no IP restriction: the token works from any address.">
            <InfoCircleOutlined aria-label="Blank means no IP restriction" tabIndex={0} />
          </Tooltip>
        </Space>
      ),
      width: 190,
      render: (_: unknown, token) =>
        token.whitelist.length === 0 ? (
          <span style={visuallyHidden}>No IP restriction</span>
        ) : (
          <CollapsedList
            vertical
            items={token.whitelist}
            label={`whitelisted IPs of ${token.name}`}
            render={(entry) => (
              // An address never breaks inside itself: one line, ellipsized if the column is narrow.
              <span title={entry} style={ADDRESS}>
                {entry}
              </span>
            )}
          />
        ),
    },
    {
      key: 'expiresOn',
      title: 'Expired Date',
      width: 180,
      sorter: true,
      sortDirections: DIRECTIONS,
      sortOrder: sortOrderOf(prefs, 'expiresOn'),
      render: (_: unknown, token) => <ExpiryCell token={token} badge={!reviewShown} />,
    },
    optional.has('role') && {
      key: 'role',
      title: 'Role',
      dataIndex: 'roleName',
      width: 170,
    },
    optional.has('owner') && {
      key: 'owner',
      title: 'Owner',
      width: 190,
      // The description is the owner's tooltip: what the token is for, next to who to ask.
      render: (_: unknown, token) =>
        token.owner ? (
          <span style={ellipsis} title={token.description ? `${token.owner}: ${token.description}` : token.owner}>
            {token.owner}
          </span>
        ) : (
          <Typography.Text type="secondary">No owner</Typography.Text>
        ),
    },
    optional.has('lastUsed') && {
      key: 'lastUsedAt',
      title: 'Last used',
      width: 190,
      sorter: true,
      sortDirections: DIRECTIONS,
      sortOrder: sortOrderOf(prefs, 'lastUsedAt'),
      render: (_: unknown, token) =>
        token.lastUsedAt === null ? (
          <Typography.Text type="secondary">Never</Typography.Text>
        ) : (
          <span>
            {formatDisplayDateTime(token.lastUsedAt, timeZone)}
            {token.lastUsedIp && (
              <Typography.Text type="secondary" style={{ display: 'block', ...monospace }}>
                from {token.lastUsedIp}
              </Typography.Text>
            )}
          </span>
        ),
    },
    optional.has('requests') && {
      key: 'requests',
      title: 'Requests (30 days)',
      width: 150,
      sorter: true,
      sortDirections: DIRECTIONS,
      sortOrder: sortOrderOf(prefs, 'requests'),
      render: (_: unknown, token) =>
        requests === undefined || requests === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          (requests.get(token.id) ?? 0).toLocaleString('en-GB')
        ),
    },
    optional.has('created') && {
      key: 'createdAt',
      title: 'Created',
      width: 180,
      render: (_: unknown, token) => (
        <span>
          {formatDisplayDateTime(token.createdAt, timeZone)}
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            by {token.createdBy.name}
          </Typography.Text>
        </span>
      ),
    },
    optional.has('review') &&
      flags !== undefined && {
        key: 'review',
        title: 'Review',
        width: 170,
        render: (_: unknown, token) => <ReviewTags flags={flags.get(token.id) ?? NO_FLAGS} />,
      },
    actions.kind !== 'hidden' && {
      key: 'actions',
      title: 'Actions',
      width: 96,
      fixed: 'right',
      render: (_: unknown, token) => <ActionButtons token={token} handlers={handlers} actions={actions} />,
    },
  ];
  return columns.filter((column): column is TableColumnType<IdentificationToken> => column !== false);
}
