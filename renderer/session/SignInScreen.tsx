import { ServerKeys } from '../common/signing/ServerKeys';
import { Alert, Button, Card, Flex, Form, Select, Skeleton, Space, Typography } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import type { IpcError } from '../../shared/ipc/errors';
import type { Profile } from '../../shared/ipc/schemas';
import { useBridgeQuery } from '../ipc/useBridgeQuery';
import { ProfileForm } from './ProfileForm';
import { useSession } from '../common/SessionContext';
import { useLockout } from './useLockout';
import { PasswordField, SignInError } from './SignInFields';

export function SignInScreen() {
  const { state } = useSession();
  const profiles = useBridgeQuery((bridge) => bridge.profiles.list());
  const lastProfileId = state?.status === 'signedOut' ? state.lastProfileId : null;
  const ended = state?.status === 'signedOut' && (state.reason === 'expired' || state.reason === 'revoked');

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 24 }}>
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Sign in to Wifox
        </Typography.Title>
        {ended && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="Your session ended. Sign in again to continue." />
        )}
        {profiles.status === 'loading' && <Skeleton active />}
        {profiles.status === 'error' && (
          <Alert
            type="error"
            showIcon
            title={`The saved profiles could not be read: ${profiles.error.message}`}
            action={<Button onClick={profiles.reload}>Retry</Button>}
          />
        )}
        {profiles.status === 'success' && (
          <SignInForm
            profiles={profiles.data}
            initialProfileId={lastProfileId}
            onProfileAdded={(profile) => profiles.update((list) => [...list.filter((p) => p.id !== profile.id), profile])}
          />
        )}
      </Card>
    </Flex>
  );
}

function SignInForm({
  profiles,
  initialProfileId,
  onProfileAdded,
}: {
  profiles: Profile[];
  initialProfileId: string | null;
  onProfileAdded: (profile: Profile) => void;
}) {
  const { signIn } = useSession();
  const id = useId();
  const [profileId, setProfileId] = useState<string | null>(
    profiles.find((p) => p.id === initialProfileId)?.id ?? profiles[0]?.id ?? null,
  );
  const [adding, setAdding] = useState(profiles.length === 0);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const lockout = useLockout();
  const profile = profiles.find((p) => p.id === profileId);

  if (adding) {
    return (
      <>
        <Typography.Paragraph>Add the Wifox server you administer.</Typography.Paragraph>
        <ProfileForm
          onSaved={(saved) => {
            onProfileAdded(saved);
            setProfileId(saved.id);
            setAdding(false);
          }}
          onCancel={profiles.length > 0 ? () => setAdding(false) : undefined}
        />
      </>
    );
  }

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!profileId || password === '' || busy) return;
    setBusy(true);
    setError(null);
    const outcome = await signIn(profileId, password);
    setBusy(false);
    if (outcome.ok) return;
    setError(outcome.error);
    if (outcome.error.code === 'locked' && outcome.error.retryAfterSeconds !== undefined) {
      lockout.start(outcome.error.retryAfterSeconds);
    }
  };

  const locked = error?.code === 'locked' && lockout.secondsLeft > 0;

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Sign in">
      <Form layout="vertical" component="div">
        <Form.Item label="Profile" htmlFor={`${id}-profile`}>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              id={`${id}-profile`}
              aria-label="Profile"
              value={profileId}
              onChange={(value: string) => {
                setProfileId(value);
                setError(null);
              }}
              options={profiles.map((p) => ({ value: p.id, label: p.name }))}
              style={{ width: '100%' }}
            />
            <Button onClick={() => setAdding(true)}>Add profile</Button>
          </Space.Compact>
        </Form.Item>
        {profile && (
          <>
            <Typography.Paragraph type="secondary">
              {profile.email} on {profile.baseUrl}
            </Typography.Paragraph>
            <ServerKeys profileId={profile.id} />
          </>
        )}
        <PasswordField id={id} value={password} onChange={setPassword} />
        <SignInError error={error} lockedFor={locked ? lockout.secondsLeft : null} style={{ marginBottom: 16 }} />
        <Button type="primary" htmlType="submit" block loading={busy} disabled={!profileId || password === '' || locked}>
          Sign in
        </Button>
      </Form>
    </form>
  );
}
