import { Flex, Typography } from 'antd';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { formatDisplayDateTime } from '../../../shared/domain';
import type { SnapshotInfo, TokenChange } from '../../../shared/inventory';
import type { InventoryCompareResult } from '../../../shared/ipc/inventory-contract';
import { changeLines, tokenSummary } from './changeText';
import { PagedList } from './PagedList';

function side(label: string, info: SnapshotInfo): string {
  return `${label}: taken ${formatDisplayDateTime(info.takenAt, info.timeZone)} by ${info.takenBy.name} on ${info.baseUrl}, ${info.tokenCount} tokens`;
}

/** Tokens added, removed and changed between two inventories, each change old → new. */
export function CompareResult({ result, leftLabel, rightLabel }: { result: InventoryCompareResult; leftLabel: string; rightLabel: string }) {
  const { added, removed, changed, unchanged } = result.diff;
  return (
    <section aria-label="Comparison result">
      <Flex vertical gap={16}>
        <Flex vertical>
          <Typography.Text type="secondary">{side(`Earlier — ${leftLabel}`, result.left)}</Typography.Text>
          <Typography.Text type="secondary">{side(`Later — ${rightLabel}`, result.right)}</Typography.Text>
        </Flex>
        <Typography.Text strong>
          {added.length} added, {removed.length} removed, {changed.length} changed, {unchanged} unchanged
        </Typography.Text>
        <TokenGroup title="Added tokens" tokens={added} empty="No token was added." />
        <TokenGroup title="Removed tokens" tokens={removed} empty="No token was removed." />
        <section aria-label="Changed tokens">
          <Typography.Title level={5}>Changed tokens ({changed.length})</Typography.Title>
          <PagedList<TokenChange>
            items={changed}
            label="changed tokens"
            empty="No token was changed."
            render={(change) => (
              <article aria-label={`Changes to ${change.name}`} style={{ width: '100%' }}>
                <Typography.Text strong>{change.name}</Typography.Text>
                <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, margin: '4px 0 0' }}>
                  {change.changes.flatMap(changeLines).map((line) => (
                    <div key={line.label} style={{ display: 'contents' }}>
                      <dt style={{ fontWeight: 500 }}>{line.label}</dt>
                      <dd style={{ margin: 0 }}>{line.text}</dd>
                    </div>
                  ))}
                </dl>
              </article>
            )}
          />
        </section>
      </Flex>
    </section>
  );
}

function TokenGroup({ title, tokens, empty }: { title: string; tokens: IdentificationToken[]; empty: string }) {
  return (
    <section aria-label={title}>
      <Typography.Title level={5}>
        {title} ({tokens.length})
      </Typography.Title>
      <PagedList<IdentificationToken>
        items={tokens}
        label={title.toLowerCase()}
        empty={empty}
        render={(token) => (
          <Flex vertical>
            <Typography.Text strong>{token.name}</Typography.Text>
            <Typography.Text type="secondary">{tokenSummary(token)}</Typography.Text>
          </Flex>
        )}
      />
    </section>
  );
}
