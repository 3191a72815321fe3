import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { useBridgeCall } from '../../ipc/useBridgeCall';

/** "Are you sure? This action cannot be undone." [Cancel] [Delete], as on the Wifox console. */
export function DeleteTokenDialog({
  token,
  onCancel,
  onDeleted,
}: {
  token: IdentificationToken;
  onCancel: () => void;
  /** `alreadyGone` when someone else deleted it first: the row goes either way. */
  onDeleted: (token: IdentificationToken, alreadyGone: boolean) => void;
}) {
  const call = useBridgeCall();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    const result = await call((bridge) => bridge.tokens.delete({ id: token.id }));
    setBusy(false);
    if (result.ok) onDeleted(token, false);
    else if (result.error.code === 'not_found') onDeleted(token, true);
    else setError(result.error.message);
  };

  return (
    <Modal
      open
      title={`Delete ${token.name}?`}
      onCancel={busy ? undefined : onCancel}
      mask={{ closable: !busy }}
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>,
        <Button key="delete" type="primary" danger loading={busy} onClick={() => void remove()}>
          Delete
        </Button>,
      ]}
    >
      <Typography.Paragraph strong>Are you sure? This action cannot be undone.</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        Any application using this token will be refused from now on. A deleted token cannot be recovered.
      </Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
    </Modal>
  );
}
