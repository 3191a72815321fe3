import { Alert, Flex, Form, Input, Select, Typography } from 'antd';
import { useId, useState } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import {
  MODULE_GROUP_NAMES,
  MODULE_GROUPS,
  MODULES,
  NEEDED_RIGHTS,
  RIGHT_LABELS,
  decideAccess,
  normalizeClientAddress,
  type ModuleKey,
  type NeededRightKind,
} from '../../../shared/domain';

const MODULE_OPTIONS = MODULE_GROUPS.map((group) => ({
  label: MODULE_GROUP_NAMES[group],
  title: MODULE_GROUP_NAMES[group],
  options: MODULES.filter((module) => module.group === group).map((module) => ({ value: module.key, label: module.name })),
}));

const RIGHT_OPTIONS = NEEDED_RIGHTS.map((right) => ({ value: right, label: RIGHT_LABELS[right] }));

/**
 * Would a request with this token be accepted? The same decision the server makes, from the
 * token as saved, its role's rights, an address and a needed right.
 */
export function TestAccess({ token, roles, timeZone }: { token: IdentificationToken; roles: readonly RoleItem[]; timeZone: string }) {
  const id = useId();
  const [module, setModule] = useState<ModuleKey>('clients');
  const [right, setRight] = useState<NeededRightKind>('view_own');
  const [address, setAddress] = useState('');
  const [now] = useState(() => new Date());
  const rights = roles.find((role) => role.id === token.roleId)?.rights ?? null;

  const trimmed = address.trim();
  const addressValid = trimmed !== '' && normalizeClientAddress(trimmed) !== null;
  const decision = addressValid
    ? decideAccess({ token, rights, clientAddress: trimmed, now, timeZone, needed: { module, right } })
    : null;

  return (
    <Form layout="vertical" component="div">
      <Typography.Paragraph type="secondary">
        Checks the token as saved{token.whitelist.length === 0 ? ' (no IP restriction)' : ''} against a request from an address.
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Form.Item label="Module" htmlFor={`${id}-module`} style={{ flex: 1, minWidth: 160 }}>
          <Select
            id={`${id}-module`}
            aria-label="Module"
            value={module}
            onChange={setModule}
            options={MODULE_OPTIONS}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label="Right" htmlFor={`${id}-right`} style={{ flex: 1, minWidth: 140 }}>
          <Select id={`${id}-right`} aria-label="Right" value={right} onChange={setRight} options={RIGHT_OPTIONS} />
        </Form.Item>
      </Flex>
      <Form.Item
        label="Client address"
        htmlFor={`${id}-address`}
        validateStatus={trimmed !== '' && !addressValid ? 'error' : undefined}
        help={trimmed !== '' && !addressValid ? 'Enter an IPv4 or IPv6 address, e.g. 203.0.113.45.' : undefined}
      >
        <Input
          id={`${id}-address`}
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          placeholder="203.0.113.45"
          spellCheck={false}
          autoComplete="off"
        />
      </Form.Item>
      <div role="status" aria-live="polite">
        {decision?.allow === true && (
          <Alert type="success" showIcon title="Accepted" description="A request from this address with this right would be allowed." />
        )}
        {decision?.allow === false && <Alert type="error" showIcon title="Refused" description={decision.message} />}
      </div>
    </Form>
  );
}
