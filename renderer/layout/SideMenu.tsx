import { AlertOutlined, AuditOutlined, FileSearchOutlined, KeyOutlined, SafetyOutlined, SettingOutlined, SlidersOutlined, TeamOutlined, VerifiedOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { Section } from './sections';

export function SideMenu({ section, onNavigate }: { section: Section; onNavigate: (section: Section) => void }) {
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
            { key: 'tokens', label: 'Identification tokens', icon: <KeyOutlined /> },
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
