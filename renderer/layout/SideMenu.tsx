import { AlertOutlined, AuditOutlined, FileSearchOutlined, KeyOutlined, SafetyOutlined, SettingOutlined, SlidersOutlined, TeamOutlined, VerifiedOutlined } from '@ant-design/icons';
import { Badge, Flex, Menu } from 'antd';
import type { ReminderStatus } from '../../shared/ipc/reminders-contract';
import type { Section } from './sections';

function TokensLabel({ reminders }: { reminders: ReminderStatus | null | undefined }) {
  const count = reminders?.expiringSoon ?? 0;
  if (count === 0) return <>Identification tokens</>;
  const description = `${count} ${count === 1 ? 'token expires' : 'tokens expire'} within ${reminders?.horizonDays ?? 7} days`;
  return (
    // The sider is narrow: the name gives way (ellipsis) before the count is cut.
    <Flex justify="space-between" align="center" gap={4} style={{ minWidth: 0 }}>
      <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>Identification tokens</span>
      <Badge size="small" count={count} overflowCount={999} color="orange" title={description} aria-label={description} style={{ flex: 'none' }} />
    </Flex>
  );
}

export function SideMenu({
  section,
  onNavigate,
  reminders,
}: {
  section: Section;
  onNavigate: (section: Section) => void;
  /** The expiry reminders' count, shown as a badge on Identification tokens. */
  reminders?: ReminderStatus | null;
}) {
  return (
    <Menu
      mode="inline"
      style={{ borderInlineEnd: 0 }}
      aria-label="Sections"
      selectedKeys={[section]}
      defaultOpenKeys={['security', 'settings']}
      onClick={({ key }) => onNavigate(key as Section)}
      items={[
        {
          key: 'security',
          label: 'Security',
          icon: <SafetyOutlined />,
          children: [
            { key: 'tokens', label: <TokensLabel reminders={reminders} />, icon: <KeyOutlined /> },
            { key: 'inventory', label: 'Inventory review', icon: <AuditOutlined /> },
            { key: 'leaks', label: 'Leaked secret', icon: <AlertOutlined /> },
            { key: 'audit', label: 'Audit log', icon: <FileSearchOutlined /> },
          ],
        },
        {
          key: 'settings',
          label: 'Settings',
          icon: <SettingOutlined />,
          children: [
            { key: 'roles', label: 'Roles', icon: <TeamOutlined /> },
            { key: 'policy', label: 'Token policy', icon: <VerifiedOutlined /> },
            { key: 'preferences', label: 'Preferences', icon: <SlidersOutlined /> },
          ],
        },
      ]}
    />
  );
}
