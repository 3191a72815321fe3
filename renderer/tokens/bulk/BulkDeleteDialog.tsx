import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useId, useState } from 'react';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { firstNames, tokensText, TYPE_TO_CONFIRM_ABOVE } from './bulkText';

/** How many, which ones (the first names), and for more than 10 the number typed back. */
export function BulkDeleteDialog({
  tokens,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  tokens: readonly IdentificationToken[];
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const mustType = tokens.length > TYPE_TO_CONFIRM_ABOVE;
  const confirmed = !mustType || typed.trim() === String(tokens.length);
  return (
    <Modal
      open
      title={`Delete ${tokensText(tokens.length)}?`}
      onCancel={busy ? undefined : onCancel}
      mask={{ closable: !busy }}
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>,
        <Button key="delete" type="primary" danger loading={busy} disabled={!confirmed} onClick={onConfirm}>
          Delete {tokensText(tokens.length)}
        </Button>,
      ]}
    >
      <Typography.Paragraph strong>Are you sure? This action cannot be undone.</Typography.Paragraph>
      <Typography.Paragraph>{firstNames(tokens.map((token) => token.name))}.</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        Applications using these tokens will be refused from now on. A token someone changed since the list was loaded is not deleted.
      </Typography.Paragraph>
      {mustType && (
        <>
          <label htmlFor={`${id}-count`}>Type {tokens.length} to confirm</label>
          <Input id={`${id}-count`} inputMode="numeric" value={typed} onChange={(event) => setTyped(event.target.value)} disabled={busy} autoComplete="off" />
        </>
      )}
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
