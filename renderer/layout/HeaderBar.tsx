import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Tooltip, Typography } from 'antd';
import { useSession, useSignedIn } from '../common/SessionContext';
import { visuallyHidden } from '../common/styles';


export function HeaderBar({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const { connection, signOut } = useSession();
  const { profile, employee, credentialStorage, keychainWarning } = useSignedIn();
  return (
    <Flex align="center" gap={16} style={{ height: '100%' }}>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={menuOpen ? 'Close menu' : 'Open menu'}
        aria-expanded={menuOpen}
        aria-controls="wifox-sidebar"
        onClick={onToggleMenu}
      />
      <Typography.Text strong>Wifox</Typography.Text>
      <Flex align="center" gap={16} style={{ marginLeft: 'auto' }}>
        <Typography.Text type="secondary" data-testid="header-profile">
          <span style={visuallyHidden}>Profile: </span>
          {profile.name}
        </Typography.Text>
        <Typography.Text data-testid="header-admin">
          <span style={visuallyHidden}>Signed in as </span>
          {employee.name}
        </Typography.Text>
        <span role="status" aria-label={`Connection: ${connection}`}>
          <Badge status={connection === 'online' ? 'success' : 'error'} text={connection === 'online' ? 'Online' : 'Offline'} />
        </span>
        {credentialStorage === 'memory' && (
          <Tooltip title={keychainWarning ?? 'The system keychain is not available: you will sign in again next time.'}>
            <Typography.Text type="warning">Session not remembered</Typography.Text>
          </Tooltip>
        )}
        <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
          Sign out
        </Button>
      </Flex>
    </Flex>
  );
}
