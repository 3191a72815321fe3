import { Alert, Button, Modal, Typography } from 'antd';
import type { BulkItemResult } from '../../../shared/ipc/bulk-contract';
import { OUTCOME_LABEL, resultTitle, type BulkKind } from './bulkText';

/** What happened to every token: the count done, and each one not done with why. */
export function BulkResultDialog({
  kind,
  results,
  names,
  onClose,
}: {
  kind: BulkKind;
  results: readonly BulkItemResult[];
  names: ReadonlyMap<number, string>;
  onClose: () => void;
}) {
  const failed = results.filter((result) => result.outcome !== 'ok');
  return (
    <Modal
      open
      title="Bulk action result"
      onCancel={onClose}
      footer={[
        <Button key="done" type="primary" onClick={onClose}>
          Done
        </Button>,
      ]}
    >
      <Alert type={failed.length === 0 ? 'success' : 'warning'} showIcon title={resultTitle(kind, results)} role="status" />
      {failed.length > 0 && (
        <>
          <Typography.Paragraph style={{ marginTop: 12 }}>Not done (these stay selected):</Typography.Paragraph>
          <ul aria-label="Tokens not done" style={{ maxHeight: 320, overflow: 'auto', paddingInlineStart: 20, margin: 0 }}>
            {failed.map((result) => (
              <li key={result.id}>
                <Typography.Text strong>{names.get(result.id) ?? `Token ${result.id}`}</Typography.Text> —{' '}
                {OUTCOME_LABEL[result.outcome as Exclude<typeof result.outcome, 'ok'>]}: {result.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
