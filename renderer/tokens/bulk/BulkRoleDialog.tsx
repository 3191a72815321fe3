import { Alert, Button, Flex, Modal, Select, Typography } from 'antd';
import { useId, useState } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { assignableRoles } from '../../../shared/domain';
import type { BulkAction } from '../../../shared/ipc/bulk-contract';
import { tokensText } from './bulkText';

/** Only roles ranked at or below the admin's are offered, as in the drawers. */
export function BulkRoleDialog({
  tokens,
  roles,
  adminRank,
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  tokens: readonly IdentificationToken[];
  roles: readonly RoleItem[];
  adminRank: number;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (action: BulkAction) => void;
}) {
  const id = useId();
  const [roleId, setRoleId] = useState<number | null>(null);
  const chosen = roles.find((role) => role.id === roleId);
  return (
    <Modal
      open
      title={`Move ${tokensText(tokens.length)} to another role`}
      onCancel={busy ? undefined : onCancel}
      mask={{ closable: !busy }}
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>,
        <Button key="apply" type="primary" loading={busy} disabled={roleId === null} onClick={() => roleId !== null && onSubmit({ kind: 'moveRole', roleId })}>
          Move {tokensText(tokens.length)}
        </Button>,
      ]}
    >
      <Flex vertical gap={8}>
        <label htmlFor={`${id}-role`}>Role</label>
        <Select<number>
          id={`${id}-role`}
          aria-label="Role"
          placeholder="Select a role"
          value={roleId ?? undefined}
          onChange={setRoleId}
          disabled={busy}
          options={assignableRoles(adminRank, roles).map((role) => ({ value: role.id, label: role.name }))}
        />
        {chosen && <Typography.Text type="secondary">These tokens will access: {chosen.modules.length > 0 ? chosen.modules.join(', ') : 'no module'}</Typography.Text>}
        {error && <Alert role="alert" type="error" showIcon title={error} />}
      </Flex>
    </Modal>
  );
}
