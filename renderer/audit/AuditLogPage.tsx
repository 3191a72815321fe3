import { Alert, Button, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEvent } from '../../shared/api/audit';
import { formatDisplayDateTime } from '../../shared/domain';
import type { AuditFilter } from '../../shared/ipc/audit-contract';
import { AUDIT_ACTION_LABELS, eventSentences } from '../common/audit-text/auditText';
import { useBridgeCall } from '../ipc/useBridgeCall';
import { useBridgeQuery } from '../ipc/useBridgeQuery';
import { AuditFilters } from './AuditFilters';
import { checkDraft, EMPTY_DRAFT, type FilterDraft } from './auditFilterForm';
import { RefusalGroupsPanel } from './RefusalGroupsPanel';

const PAGE_SIZE = 50;

type Notice = { type: 'success' | 'error' | 'info'; text: string };

/**
 * Security → Audit log: every event the server recorded, newest first, filtered and paged by
 * the server (keyset cursors: Older walks on, Newer walks back the cursors already seen).
 * Offline, main answers from its cached window of recent events, and the page says so.
 */
export function AuditLogPage() {
  const call = useBridgeCall();
  const org = useBridgeQuery((bridge) => bridge.settings.org());
  const timeZone = org.status === 'success' ? org.data.timeZone : 'UTC';
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<'from' | 'to', string>>>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  // cursors[i] opens page i; page 0 has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [exporting, setExporting] = useState(false);
  const pageIndex = cursors.length - 1;
  const cursor = cursors[pageIndex];
  const page = useBridgeQuery(
    (bridge) => bridge.auditLog.page({ filter, limit: PAGE_SIZE, ...(cursor !== undefined ? { cursor } : {}) }),
    `${JSON.stringify(filter)}:${cursor ?? ''}:${reloadKey}`,
  );
  const cachedAt = page.status === 'success' ? page.data.cachedAt : null;

  const show = (next: AuditFilter) => {
    setFilter(next);
    setCursors([undefined]);
    setNotice(null);
  };
  const apply = () => {
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    show(checked.filter);
  };
  const focus = (next: Partial<FilterDraft>) => {
    const nextDraft = { ...EMPTY_DRAFT, action: 'token.denied' as const, ...next };
    setDraft(nextDraft);
    setErrors({});
    const checked = checkDraft(nextDraft);
    if (checked.ok) show(checked.filter);
  };
  const exportCsv = async () => {
    setExporting(true);
    setNotice(null);
    const result = await call((bridge) => bridge.auditLog.export({ filter }));
    setExporting(false);
    if (!result.ok) {
      setNotice({ type: 'error', text: `The events could not be exported. ${result.error.message}` });
      return;
    }
    if (result.value.filePath === null) return;
    const from = result.value.cachedAt ? ' (from the cached events)' : '';
    const events = result.value.count === 1 ? '1 event' : `${result.value.count.toLocaleString('en-GB')} events`;
    setNotice({ type: 'success', text: `${events} exported to ${result.value.filePath}${from}.` });
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Audit log
        </Typography.Title>
        <Space>
          <Button onClick={() => setReloadKey((key) => key + 1)}>Refresh</Button>
          <Button onClick={() => void exportCsv()} loading={exporting}>
            Export CSV…
          </Button>
        </Space>
      </Flex>
      {cachedAt !== null && (
        <Alert
          type="warning"
          showIcon
          title={`Offline — cached events as of ${formatDisplayDateTime(cachedAt, timeZone)}`}
          description="Only the recent events kept on this computer are shown (up to 1,000, from the last 7 days). Refresh when the server answers again."
        />
      )}
      {notice && <Alert type={notice.type} showIcon title={notice.text} closable onClose={() => setNotice(null)} />}
      <RefusalGroupsPanel
        reloadKey={reloadKey}
        offline={cachedAt !== null}
        onAddress={(group) => focus({ ip: group.ip })}
        onToken={(group) => focus({ tokenName: group.tokenName })}
      />
      <AuditFilters
        draft={draft}
        errors={errors}
        onChange={setDraft}
        onApply={apply}
        onClear={() => {
          setDraft(EMPTY_DRAFT);
          setErrors({});
          show({});
        }}
      />
      {page.status === 'error' ? (
        <Alert type="error" showIcon title={`The audit log could not be loaded. ${page.error.message}`} action={<Button onClick={page.reload}>Retry</Button>} />
      ) : (
        <>
          <Table<AuditEvent>
            aria-label="Audit events"
            size="small"
            rowKey="id"
            loading={page.status === 'loading'}
            dataSource={page.status === 'success' ? page.data.items : []}
            pagination={false}
            locale={{ emptyText: 'No events match these filters.' }}
            columns={[
              { key: 'at', title: 'When', width: 150, render: (_, event) => formatDisplayDateTime(event.at, timeZone) },
              {
                key: 'event',
                title: 'Event',
                render: (_, event) => (
                  <div>
                    <Typography.Text strong>{AUDIT_ACTION_LABELS[event.action]}</Typography.Text>
                    {eventSentences(event).map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </div>
                ),
              },
              { key: 'actor', title: 'Actor', width: 180, render: (_, event) => event.actor.name },
              { key: 'token', title: 'Token', width: 180, render: (_, event) => event.tokenName ?? event.role?.name ?? '' },
              { key: 'ip', title: 'Address', width: 150, render: (_, event) => event.ip ?? '' },
            ]}
          />
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">
              Page {pageIndex + 1} · times in {timeZone}
            </Typography.Text>
            <Space>
              <Button disabled={pageIndex === 0} onClick={() => setCursors((list) => list.slice(0, -1))}>
                Newer
              </Button>
              <Button
                disabled={page.status !== 'success' || page.data.nextCursor === null}
                onClick={() => {
                  const next = page.status === 'success' ? page.data.nextCursor : null;
                  if (next) setCursors((list) => [...list, next]);
                }}
              >
                Older
              </Button>
            </Space>
          </Flex>
        </>
      )}
    </Flex>
  );
}
