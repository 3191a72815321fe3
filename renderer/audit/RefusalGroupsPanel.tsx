import { Alert, Button, Card, Empty, List, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
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
        <List
          style={{ flex: '1 1 320px' }}
          size="small"
          header={<Typography.Text strong>By source address</Typography.Text>}
          dataSource={groups.data.byAddress}
          renderItem={(group) => (
            <List.Item>
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onAddress(group)}>
                {addressGroupText(group)}
              </Button>
            </List.Item>
          )}
        />
        <List
          style={{ flex: '1 1 320px' }}
          size="small"
          header={<Typography.Text strong>By token</Typography.Text>}
          dataSource={groups.data.byToken}
          renderItem={(group) => (
            <List.Item>
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => onToken(group)}>
                {tokenGroupText(group)}
              </Button>
            </List.Item>
          )}
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
