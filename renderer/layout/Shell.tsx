import { Layout, theme } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { Section } from './sections';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';
import { useExpiringCount } from './useExpiringCount';

const MENU_KEY = 'wifox.menuOpen';

export function Shell({
  section,
  onNavigate,
  children,
}: {
  section: Section;
  onNavigate: (section: Section) => void;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  const [menuOpen, setMenuOpen] = useState(() => sessionStorage.getItem(MENU_KEY) !== 'false');
  useEffect(() => sessionStorage.setItem(MENU_KEY, String(menuOpen)), [menuOpen]);
  const toggle = () => setMenuOpen((open) => !open);
  const reminders = useExpiringCount();

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Header style={{ background: token.colorBgContainer, paddingInline: 12, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <HeaderBar menuOpen={menuOpen} onToggleMenu={toggle} />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          id="wifox-sidebar"
          width={260}
          collapsedWidth={0}
          collapsed={!menuOpen}
          trigger={null}
          theme="light"
          style={{ background: token.colorBgContainer, borderRight: menuOpen ? `1px solid ${token.colorBorderSecondary}` : undefined }}
        >
          {menuOpen && (
            <nav aria-label="Main navigation">
              <SideMenu section={section} onNavigate={onNavigate} reminders={reminders} />
            </nav>
          )}
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
          {/* Layout.Content is the page's one <main> landmark already. */}
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
