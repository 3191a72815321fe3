import { Flex, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { WifoxBridge } from '../../shared/ipc/bridge';
import { OpenedInventoriesProvider } from '../inventory/OpenedInventories';
import { BridgeProvider } from '../ipc/BridgeContext';
import type { FirstAnswers } from '../ipc/headStart';
import { Shell } from '../layout/Shell';
import { SessionPrompt } from '../session/SessionPrompt';
import { SessionProvider } from '../session/SessionProvider';
import { useSession } from '../common/SessionContext';
import { TokensPage } from '../tokens/TokensPage';
import { AuditLogPage, InventoryPage, LeakedSecretPage, PreferencesPage, RolesPage, TokenPolicyPage } from './lazyPages';
import { Loading } from '../common/Loading';
import { Providers } from './Providers';
import { loadSection, saveSection, type Section } from '../layout/sections';
import { SettingsProvider, useSettings } from './SettingsContext';
import { useOpenExpiring } from './useOpenExpiring';

// Signed in, the first screen is the token list; the sign-in form loads only when it is shown.
const SignInScreen = lazy(() => import('../session/SignInScreen').then((m) => ({ default: m.SignInScreen })));

export function App({ bridge, first }: { bridge: WifoxBridge; first?: FirstAnswers }) {
  return (
    <BridgeProvider bridge={bridge} first={first}>
      <SettingsProvider>
        <Themed />
      </SettingsProvider>
    </BridgeProvider>
  );
}

function Themed() {
  const { settings } = useSettings();
  return (
    <Providers scheme={settings.theme}>
      <SessionProvider>
        <SessionGate />
      </SessionProvider>
    </Providers>
  );
}

function Starting() {
  return (
    <Flex justify="center" align="center" style={{ height: '100vh' }}>
      <Spin size="large" aria-label="Starting" />
    </Flex>
  );
}

function SessionGate() {
  const { state } = useSession();
  if (state === null) return <Starting />;
  if (state.status === 'signedOut') {
    return (
      <Suspense fallback={<Starting />}>
        <SignInScreen />
      </Suspense>
    );
  }
  // Keyed by who is signed in: another profile or admin starts from a clean screen, while
  // signing in again after the session ended keeps everything that was open.
  return <SignedIn key={`${state.profile.id}:${state.employee.id}`} />;
}

function SignedIn() {
  const [section, setSection] = useState<Section>(loadSection);
  const navigate = (next: Section) => {
    saveSection(next);
    setSection(next);
  };
  // The expiry notification's click: a fresh token list, which reads the "Expiring soon" filter.
  const [listKey, setListKey] = useState(0);
  useOpenExpiring(() => {
    navigate('tokens');
    setListKey((key) => key + 1);
  });
  return (
    <OpenedInventoriesProvider>
      <Shell section={section} onNavigate={navigate}>
        {section === 'tokens' && <TokensPage key={listKey} />}
        <Suspense fallback={<Loading label={`Loading ${section}`} />}>
          {section === 'inventory' && <InventoryPage />}
          {section === 'leaks' && <LeakedSecretPage />}
          {section === 'audit' && <AuditLogPage />}
          {section === 'roles' && <RolesPage />}
          {section === 'policy' && <TokenPolicyPage />}
          {section === 'preferences' && <PreferencesPage />}
        </Suspense>
      </Shell>
      <SessionPrompt />
    </OpenedInventoriesProvider>
  );
}
