import { Flex, Form, Select, Typography } from 'antd';
import type { RoleItem } from '../../../shared/api/roles';

export type RoleChoice = { role: RoleItem; assignable: boolean };

export function RoleField({
  id,
  value,
  choices,
  error,
  onChange,
  onBlur,
}: {
  id: string;
  value: number | null;
  choices: readonly RoleChoice[];
  error: string | undefined;
  onChange: (roleId: number) => void;
  onBlur: () => void;
}) {
  const chosen = choices.find((choice) => choice.role.id === value)?.role;
  return (
    <Form.Item
      label="Role"
      htmlFor={id}
      required
      validateStatus={error ? 'error' : undefined}
      help={error && <span id={`${id}-error`}>{error}</span>}
      extra={
        chosen && (
          <span id={`${id}-preview`} data-testid="role-preview">
            This token will access: {chosen.modules.length > 0 ? chosen.modules.join(', ') : 'no module'}
          </span>
        )
      }
    >
      <Select<number>
        id={id}
        aria-label="Role"
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={[error && `${id}-error`, chosen && `${id}-preview`].filter(Boolean).join(' ') || undefined}
        value={value ?? undefined}
        placeholder="Select a role"
        onChange={onChange}
        onBlur={onBlur}
        showSearch={{ optionFilterProp: 'title' }}
        options={choices.map(({ role, assignable }) => ({
          value: role.id,
          title: role.name,
          label: role.name,
          disabled: !assignable,
          // Not `role`: antd spreads option fields onto the DOM, where `role` is an ARIA attribute.
          roleItem: role,
        }))}
        optionRender={(option) => {
          const role = (option.data as { roleItem: RoleItem }).roleItem;
          return (
            <Flex vertical>
              <span>
                {role.name} <Typography.Text type="secondary">· rank {role.rank}</Typography.Text>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                {role.modules.length > 0 ? role.modules.join(', ') : 'No module'}
              </Typography.Text>
            </Flex>
          );
        }}
      />
    </Form.Item>
  );
}
