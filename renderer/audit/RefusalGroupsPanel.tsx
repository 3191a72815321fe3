import { Alert, Button, Card, Empty, Segmented, Skeleton, theme, Typography } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import type { RefusalWindow, RefusalsByAddress, RefusalsByToken } from '../../shared/api/audit';
import { useBridgeQuery } from '../ipc/useBridgeQuery';
import { addressGroupText, tokenGroupText } from './refusalText';

const WINDOWS: { label: string; value: RefusalWindow }[] = [
  { label: 'Last 24 hours', value: '24h' },
  { label: 'Last 7 days', value: '7d' },
];

/**
 * Refused public requests grouped by source address and by token; a click shows the group's
 * events in the log below.
 */
export function RefusalGroupsPanel({
  reloadKey,
  offline,
  onAddress,
  onToken,
}: {
  reloadKey: number;
  offline: boolean;
  onAddress: (group: RefusalsByAddress) => void;
  onToken: (group: RefusalsByToken) => void;
}) {
  const [period, setPeriod] = useState<RefusalWindow>('24h');
  const groups = useBridgeQuery((bridge) => bridge.auditLog.refusals({ window: period }), `${period}:${reloadKey}`);
  let body;
  if (groups.status === 'loading') body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (groups.status === 'error') {
    body = offline ? (
      <Typography.Text type="secondary">Grouped refusals need a connection to the server.</Typography.Text>
    ) : (
      <Alert type="error" showIcon title={`The refusals could not be loaded. ${groups.error.message}`} action={<Button onClick={groups.reload}>Retry</Button>} />
    );
  } else if (groups.data.byAddress.length === 0 && groups.data.byToken.length === 0) {
    body = <Empty description="No refused requests in this period." image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  } else {
    body = (
      <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
        <GroupList
          title="By source address"
          items={groups.data.byAddress.map((group) => ({ key: `${group.ip}:${group.kind}`, text: addressGroupText(group), open: () => onAddress(group) }))}
        />
        <GroupList
          title="By token"
          items={groups.data.byToken.map((group) => ({ key: `${group.tokenId}:${group.kind}`, text: tokenGroupText(group), open: () => onToken(group) }))}
        />
      </div>
    );
  }
  return (
    <Card
      size="small"
      title="Refused requests"
      extra={<Segmented aria-label="Period" options={WINDOWS} value={period} onChange={(value) => setPeriod(value as RefusalWindow)} />}
    >
      {body}
    </Card>
  );
}

const GROUP_LINK = { padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' } as const;

/** One column of groups, each a link to its events (antd's List is deprecated). */
function GroupList({ title, items }: { title: ReactNode; items: { key: string; text: string; open: () => void }[] }) {
  const { token } = theme.useToken();
  const titleId = useId();
  const line = `1px solid ${token.colorSplit}`;
  return (
    <div style={{ flex: '1 1 320px' }}>
      <Typography.Text strong id={titleId} style={{ display: 'block', padding: `${token.paddingXS}px 0`, borderBottom: line }}>
        {title}
      </Typography.Text>
      {items.length === 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', padding: `${token.paddingXS}px 0` }}>
          None in this period.
        </Typography.Text>
      ) : (
        <ul aria-labelledby={titleId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <li key={item.key} style={{ padding: `${token.paddingXS}px 0`, borderBottom: line }}>
              <Button type="link" style={GROUP_LINK} onClick={item.open}>
                {item.text}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
