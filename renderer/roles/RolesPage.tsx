import { Alert, Button, Collapse, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { ROLE_TYPE_LABELS } from '../../shared/domain';
import { useBridgeQuery } from '../ipc/useBridgeQuery';
import { RightsGrid } from './RightsGrid';

/** Settings → Roles: each role visible to this admin, its rank and rights. Read-only here. */
export function RolesPage() {
  const roles = useBridgeQuery((bridge) => bridge.roles.list());
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Roles
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Rank 1 is the most privileged; you see and assign roles ranked the same as yours or below. This page shows roles
        only: they are edited in Wifox itself (its Roles settings), and a change there applies at once to every token holding the
        role.
      </Typography.Paragraph>
      {roles.status === 'loading' && <Skeleton active />}
      {roles.status === 'error' && (
        <Alert
          type="error"
          showIcon
          title={`The roles could not be loaded. ${roles.error.message}`}
          action={<Button onClick={roles.reload}>Retry</Button>}
        />
      )}
      {roles.status === 'success' && roles.data.length === 0 && <Empty description="No role is visible to you." />}
      {roles.status === 'success' && roles.data.length > 0 && (
        <Collapse
          destroyOnHidden
          items={[...roles.data]
            .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
            .map((role) => ({
              key: role.id,
              label: (
                <Space wrap>
                  <Typography.Text strong>{role.name}</Typography.Text>
                  <Tag>Rank {role.rank}</Tag>
                  {/* Most roles are employee roles: only the exception is worth a tag. */}
                  {role.type !== 'employee' && <Tag>{ROLE_TYPE_LABELS[role.type]}</Tag>}
                  <Typography.Text type="secondary">
                    {role.modules.length} {role.modules.length === 1 ? 'module' : 'modules'}
                  </Typography.Text>
                </Space>
              ),
              children: <RightsGrid role={role} />,
            }))}
        />
      )}
    </Flex>
  );
}
