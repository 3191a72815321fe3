import { Flex, Pagination, Typography, theme } from 'antd';
import { useState, type ReactNode } from 'react';

const PAGE_SIZE = 25;

/** A bordered list, 25 items a page: a comparison of large inventories can list thousands. */
export function PagedList<T extends { id: number }>({
  items,
  render,
  empty,
  label,
}: {
  items: readonly T[];
  render: (item: T) => ReactNode;
  empty: string;
  /** For the pager's accessible name. */
  label: string;
}) {
  const { token } = theme.useToken();
  const [page, setPage] = useState(1);
  if (items.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const border = `1px solid ${token.colorBorderSecondary}`;
  return (
    <Flex vertical gap={8} align="flex-start" style={{ width: '100%' }}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, width: '100%', border, borderRadius: token.borderRadiusLG }}>
        {shown.map((item, index) => (
          <li key={item.id} style={{ padding: '8px 16px', borderTop: index === 0 ? undefined : border }}>
            {render(item)}
          </li>
        ))}
      </ul>
      {items.length > PAGE_SIZE && (
        <nav aria-label={`Pages of ${label}`}>
          <Pagination size="small" current={page} pageSize={PAGE_SIZE} total={items.length} showSizeChanger={false} onChange={setPage} />
        </nav>
      )}
    </Flex>
  );
}
