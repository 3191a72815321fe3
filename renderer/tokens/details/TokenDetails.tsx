import { Alert, Button, Descriptions, Empty, Skeleton, Timeline, Typography } from 'antd';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { formatDisplayDateTime } from '../../../shared/domain';
import { useBridgeQuery } from '../../ipc/useBridgeQuery';
import { AUDIT_ACTION_LABELS, eventSentences } from '../../common/audit-text/auditText';
import { monospace } from '../../common/styles';


export function TokenDetails({ token, timeZone, refreshKey = 0 }: { token: IdentificationToken; timeZone: string; refreshKey?: number }) {
  const when = (instant: string) => formatDisplayDateTime(instant, timeZone);
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'created', label: 'Created', children: `${when(token.createdAt)} by ${token.createdBy.name}` },
          { key: 'updated', label: 'Last changed', children: when(token.updatedAt) },
          {
            key: 'used',
            label: 'Last used',
            children:
              token.lastUsedAt === null
                ? 'Never used'
                : `${when(token.lastUsedAt)}${token.lastUsedIp ? ` from ${token.lastUsedIp}` : ''}`,
          },
          { key: 'hint', label: 'Secret', children: <span style={monospace}>{token.secretHint}…</span> },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        Times are shown in {timeZone}. Only the beginning of the secret is kept, to recognise it.
      </Typography.Paragraph>
      <Typography.Title level={5}>History</Typography.Title>
      <AuditHistory tokenId={token.id} loadKey={`${token.version}:${refreshKey}`} timeZone={timeZone} />
    </>
  );
}

function AuditHistory({ tokenId, loadKey, timeZone }: { tokenId: number; loadKey: string; timeZone: string }) {
  const events = useBridgeQuery((bridge) => bridge.audit.list({ tokenId, limit: 50 }), `${tokenId}:${loadKey}`);
  if (events.status === 'loading') return <Skeleton active paragraph={{ rows: 3 }} />;
  if (events.status === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        title={`The history could not be loaded. ${events.error.message}`}
        action={<Button onClick={events.reload}>Retry</Button>}
      />
    );
  }
  if (events.data.items.length === 0) return <Empty description="No recorded events yet." />;
  return (
    <Timeline
      items={events.data.items.map((event) => ({
        key: event.id,
        content: (
          <div>
            <Typography.Text strong>{AUDIT_ACTION_LABELS[event.action]}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDisplayDateTime(event.at, timeZone)}
              {event.actor.type === 'employee' ? ` · by ${event.actor.name}` : ''}
            </Typography.Text>
            {eventSentences(event).map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
