import { Button, Flex, Space, Typography } from 'antd';
import type { IdentificationToken } from '../../../shared/api/tokens';
import type { BulkKind } from './bulkText';
import { tokensText } from './bulkText';

/** Above the table while tokens are chosen: how many, "select all matching", and the actions. */
export function BulkBar({
  selected,
  rows,
  onSelect,
  onAction,
}: {
  selected: ReadonlySet<number>;
  /** The tokens matching the search and filters. */
  rows: readonly IdentificationToken[];
  onSelect: (next: ReadonlySet<number>) => void;
  onAction: (kind: BulkKind) => void;
}) {
  if (selected.size === 0) return null;
  const shownSelected = rows.reduce((n, token) => (selected.has(token.id) ? n + 1 : n), 0);
  const hidden = selected.size - shownSelected;
  return (
    <Flex gap={12} align="center" wrap role="region" aria-label="Bulk actions">
      <Typography.Text strong role="status">
        {tokensText(selected.size)} selected{hidden > 0 ? ` (${hidden} not shown by the filter)` : ''}
      </Typography.Text>
      {shownSelected < rows.length && (
        <Button type="link" onClick={() => onSelect(new Set([...selected, ...rows.map((token) => token.id)]))}>
          Select all {rows.length} matching the filter
        </Button>
      )}
      <Button type="link" onClick={() => onSelect(new Set())}>
        Clear selection
      </Button>
      <Space size={8}>
        <Button danger onClick={() => onAction('delete')}>
          Delete…
        </Button>
        <Button onClick={() => onAction('expiry')}>Set expiry…</Button>
        <Button onClick={() => onAction('role')}>Move to role…</Button>
      </Space>
    </Flex>
  );
}
