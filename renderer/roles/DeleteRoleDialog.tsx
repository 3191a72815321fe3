import { Alert, Button, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { ManagedRole } from '../../shared/api/role-admin';
import { canAssignRole } from '../../shared/domain';
import { useBridgeCall } from '../ipc/useBridgeCall';
import { roleErrorText } from './roleErrorText';

/** "Are you sure?", and for a role tokens hold, the role they move to in the same request. */
export function DeleteRoleDialog({
  role,
  roles,
  authorRank,
  onCancel,
  onDeleted,
}: {
  role: ManagedRole;
  roles: readonly ManagedRole[];
  authorRank: number;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const call = useBridgeCall();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [heir, setHeir] = useState<number | undefined>(undefined);
  const needsHeir = role.tokenCount > 0;
  const heirs = roles.filter((other) => other.id !== role.id && canAssignRole(authorRank, other.rank));

  const remove = async () => {
    setBusy(true);
    setError(null);
    const result = await call((bridge) =>
      bridge.roles.delete({ id: role.id, version: role.version, ...(needsHeir && heir !== undefined ? { moveTokensTo: heir } : {}) }),
    );
    setBusy(false);
    if (result.ok) onDeleted();
    else setError(roleErrorText(result.error));
  };

  return (
    <Modal
      open
      title={`Delete ${role.name}?`}
      onCancel={busy ? undefined : onCancel}
      mask={{ closable: !busy }}
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>,
        <Button key="delete" type="primary" danger loading={busy} disabled={needsHeir && heir === undefined} onClick={() => void remove()}>
          Delete
        </Button>,
      ]}
    >
      <Typography.Paragraph strong>Are you sure? This action cannot be undone.</Typography.Paragraph>
      {needsHeir && (
        <>
          <Typography.Paragraph>
            {role.tokenCount === 1 ? '1 identification token holds' : `${role.tokenCount} identification tokens hold`} this role. Choose the
            role {role.tokenCount === 1 ? 'it moves' : 'they move'} to; {role.tokenCount === 1 ? 'its' : 'their'} secrets keep working.
          </Typography.Paragraph>
          <Select
            aria-label="Move its tokens to"
            placeholder="Move its tokens to…"
            style={{ width: '100%' }}
            value={heir}
            onChange={setHeir}
            options={heirs.map((other) => ({ value: other.id, label: `${other.name} (rank ${other.rank})` }))}
          />
        </>
      )}
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
