import { Button, Form, Modal, Typography } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import type { IpcError } from '../../shared/ipc/errors';
import { useSession, useSignedIn } from '../common/SessionContext';
import { useLockout } from './useLockout';
import { PasswordField, SignInError } from './SignInFields';

/** The password asked again above the screen (SessionPrompt shows it). */
export function PromptDialog({ message }: { message: string }) {
  const { signIn, signOut } = useSession();
  const { profile } = useSignedIn();
  const id = useId();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const lockout = useLockout();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (password === '' || busy) return;
    setBusy(true);
    setError(null);
    const outcome = await signIn(profile.id, password);
    setBusy(false);
    if (outcome.ok) return;
    setPassword('');
    setError(outcome.error);
    if (outcome.error.code === 'locked' && outcome.error.retryAfterSeconds !== undefined) {
      lockout.start(outcome.error.retryAfterSeconds);
    }
  };

  const locked = error?.code === 'locked' && lockout.secondsLeft > 0;

  return (
    <Modal
      open
      title="Sign in again"
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      zIndex={2000}
      footer={[
        <Button key="out" onClick={() => void signOut()}>
          Sign out
        </Button>,
        <Button key="in" type="primary" loading={busy} disabled={password === '' || locked} onClick={() => void submit()}>
          Sign in
        </Button>,
      ]}
    >
      <Typography.Paragraph>{message}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {profile.email} on {profile.baseUrl}
      </Typography.Paragraph>
      <form onSubmit={(event) => void submit(event)} aria-label="Sign in again">
        <Form layout="vertical" component="div">
          <PasswordField id={id} value={password} onChange={setPassword} />
        </Form>
      </form>
      <SignInError error={error} lockedFor={locked ? lockout.secondsLeft : null} />
    </Modal>
  );
}
