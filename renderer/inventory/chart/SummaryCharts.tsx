import { Flex, theme } from 'antd';
import { REVIEW_FLAGS, type TokenStatus } from '../../../shared/domain';
import { STATUS_LABELS, type InventorySummary } from '../../../shared/inventory';
import { HorizontalBars, type Bar } from './HorizontalBars';
import { ExpiryTimeline } from './ExpiryTimeline';

const STATUSES: readonly TokenStatus[] = ['active', 'expiring', 'expired'];

/** Tokens by status and by review flag, and the expiry timeline, for one inventory. */
export function SummaryCharts({ summary }: { summary: InventorySummary }) {
  const { token } = theme.useToken();
  const statusColor: Record<TokenStatus, string> = { active: token.colorSuccess, expiring: token.colorWarning, expired: token.colorError };
  const statusBars: Bar[] = STATUSES.map((status) => ({ label: STATUS_LABELS[status], count: summary.byStatus[status], color: statusColor[status] }));
  const flagBars: Bar[] = summary.flagCounts.map(({ flag, count }) => ({ label: REVIEW_FLAGS[flag].label, count, color: token.colorPrimary }));

  const statusDescription = `Tokens by status: ${STATUSES.map((status) => `${summary.byStatus[status]} ${STATUS_LABELS[status].toLowerCase()}`).join(', ')}.`;
  const flagDescription = `Tokens by review flag: ${summary.flagCounts.map(({ text }) => text).join('; ')}.`;

  return (
    <section aria-label="Inventory summary">
      <Flex wrap gap={32} align="flex-start">
        <HorizontalBars title={`Tokens by status (${summary.total} in all)`} bars={statusBars} description={statusDescription} />
        <HorizontalBars title="Tokens by review flag" bars={flagBars} description={flagDescription} />
        <ExpiryTimeline days={summary.expiryTimeline} />
      </Flex>
    </section>
  );
}
