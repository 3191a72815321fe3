import { Alert, Form, Input } from 'antd';
import type { CSSProperties } from 'react';
import type { IpcError } from '../../shared/ipc/errors';

/** The password of a sign-in, on the sign-in screen and when a session has to be renewed. */
export function PasswordField({ id, value, onChange }: { id: string; value: string; onChange: (password: string) => void }) {
  return (
    <Form.Item label="Password" htmlFor={`${id}-password`}>
      <Input.Password id={`${id}-password`} autoComplete="current-password" value={value} onChange={(event) => onChange(event.target.value)} autoFocus />
    </Form.Item>
  );
}

/** Why a sign-in failed; during a lockout, how long until the next try. */
export function SignInError({ error, lockedFor, style }: { error: IpcError | null; lockedFor: number | null; style?: CSSProperties }) {
  if (!error) return null;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={style}
      title={error.message}
      description={lockedFor !== null ? `Try again in ${lockedFor} s.` : undefined}
    />
  );
}
