import { Alert, Button, Skeleton, Space, Tag, Typography, theme } from 'antd';
import { formatDisplayDateTime } from '../../../shared/domain';
import { DailyBars } from '../../common/charts/DailyBars';
import { monospace } from '../../common/styles';
import { useBridgeQuery } from '../../ipc/useBridgeQuery';
import { dayLabel, fillDays, usageSummary } from './usageDays';

/** The edit drawer's Usage tab: requests per day over 30 days, and the addresses they came from. */
export function TokenUsage({ tokenId, timeZone, refreshKey = 0 }: { tokenId: number; timeZone: string; refreshKey?: number }) {
  const { token } = theme.useToken();
  const usage = useBridgeQuery((bridge) => bridge.usage.token({ id: tokenId }), `${tokenId}:${refreshKey}`);
  if (usage.status === 'loading') return <Skeleton active paragraph={{ rows: 3 }} />;
  if (usage.status === 'error') {
    return <Alert type="error" showIcon title={`The usage could not be loaded. ${usage.error.message}`} action={<Button onClick={usage.reload}>Retry</Button>} />;
  }
  const days = fillDays(usage.data);
  const summary = usageSummary(days);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <DailyBars
        title="Requests, last 30 days"
        description={summary}
        bars={days.map((day) => ({
          day: day.day,
          label: dayLabel(day),
          parts: [
            { count: day.accepted, color: token.colorSuccess },
            { count: day.refused, color: token.colorError },
          ],
        }))}
      />
      <Typography.Text>{summary}</Typography.Text>
      <div>
        <Typography.Text strong>Source addresses</Typography.Text>
        <div aria-label="Source addresses" style={{ marginTop: 4 }}>
          {usage.data.addresses.length === 0 ? (
            <Typography.Text type="secondary">None seen over the last 30 days.</Typography.Text>
          ) : (
            usage.data.addresses.map((address) => (
              <Tag key={address} style={monospace}>
                {address}
              </Tag>
            ))
          )}
        </div>
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Days are the organisation’s ({timeZone}); green accepted, red refused. Counted by the server as of {formatDisplayDateTime(usage.data.asOf, timeZone)}
        ; the last few seconds may still be on their way.
      </Typography.Paragraph>
    </Space>
  );
}
