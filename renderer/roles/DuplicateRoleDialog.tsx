import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { ManagedRole } from '../../shared/api/role-admin';
import { roleNameTakenMessage } from '../../shared/domain';
import { useBridgeCall } from '../ipc/useBridgeCall';
import { roleErrorText } from './roleErrorText';

/** A role's name never changes: a variant is a copy under a new name, edited afterwards. */
export function DuplicateRoleDialog({
  role,
  roles,
  authorRank,
  onCancel,
  onDuplicated,
}: {
  role: ManagedRole;
  roles: readonly ManagedRole[];
  authorRank: number;
  onCancel: () => void;
  onDuplicated: (copy: ManagedRole) => void;
}) {
  const call = useBridgeCall();
  const [name, setName] = useState(`${role.name} (copy)`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = name.trim();
  // A copy of a role at the author's own rank goes just below it, where the author may define it.
  const rankOfCopy = Math.max(role.rank, authorRank + 1);
  const taken = roles.some((other) => other.name.toLowerCase() === trimmed.normalize('NFC').toLowerCase());
  const problem = trimmed === '' ? 'Enter a name.' : taken ? roleNameTakenMessage(trimmed) : null;

  const duplicate = async () => {
    setBusy(true);
    setError(null);
    const result = await call((bridge) => bridge.roles.duplicate({ id: role.id, name: trimmed, ...(rankOfCopy === role.rank ? {} : { rank: rankOfCopy }) }));
    setBusy(false);
    if (result.ok) onDuplicated(result.value);
    else setError(roleErrorText(result.error));
  };

  return (
    <Modal
      open
      title={`Duplicate ${role.name}`}
      onCancel={busy ? undefined : onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>,
        <Button key="duplicate" type="primary" loading={busy} disabled={problem !== null} onClick={() => void duplicate()}>
          Duplicate
        </Button>,
      ]}
    >
      <Form layout="vertical" component="div">
        <Form.Item label="Name of the copy" validateStatus={problem ? 'error' : undefined} help={problem ?? undefined}>
          <Input aria-label="Name of the copy" value={name} maxLength={100} onChange={(event) => setName(event.target.value)} />
        </Form.Item>
      </Form>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
    </Modal>
  );
}
