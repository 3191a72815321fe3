import { Button, Form, Input, Space } from 'antd';
import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { checkBaseUrl } from '../../shared/ipc/base-url';
import { profileSchema, type Profile } from '../../shared/ipc/schemas';
import { useBridgeCall } from '../ipc/useBridgeCall';

type Fields = { name: string; baseUrl: string; email: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

const fieldSchemas = profileSchema.pick({ name: true, email: true }).shape;

function validate(fields: Fields): FieldErrors {
  const errors: FieldErrors = {};
  const name = fieldSchemas.name.safeParse(fields.name);
  if (!name.success) errors.name = name.error.issues[0]?.message ?? 'Enter a name';
  const url = checkBaseUrl(fields.baseUrl);
  if (!url.ok) errors.baseUrl = url.message;
  const email = fieldSchemas.email.safeParse(fields.email);
  if (!email.success) errors.email = email.error.issues[0]?.message ?? 'Enter an email address';
  return errors;
}

/** Adds a connection profile: a name, the Wifox server's address and the admin's email. */
export function ProfileForm({ onSaved, onCancel }: { onSaved: (profile: Profile) => void; onCancel?: () => void }) {
  const call = useBridgeCall();
  const id = useId();
  const [fields, setFields] = useState<Fields>({ name: '', baseUrl: 'https://', email: '' });
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const errors = touched ? validate(fields) : {};

  const set = (key: keyof Fields) => (event: ChangeEvent<HTMLInputElement>) => {
    setFields((previous) => ({ ...previous, [key]: event.target.value }));
    setServerError(null);
  };

  const save = async () => {
    setTouched(true);
    const url = checkBaseUrl(fields.baseUrl);
    if (Object.keys(validate(fields)).length > 0 || !url.ok) return;
    setSaving(true);
    const result = await call((bridge) => bridge.profiles.save({ name: fields.name, baseUrl: url.url, email: fields.email }));
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setServerError(result.error.message);
  };

  const item = (key: keyof Fields, label: string, input: ReactNode) => (
    <Form.Item
      label={label}
      htmlFor={`${id}-${key}`}
      required
      validateStatus={errors[key] || (key === 'baseUrl' && serverError) ? 'error' : undefined}
      help={errors[key] ?? (key === 'baseUrl' ? serverError : undefined)}
    >
      {input}
    </Form.Item>
  );

  return (
    <Form layout="vertical" component="div" aria-label="New profile">
      {item('name', 'Profile name', <Input id={`${id}-name`} value={fields.name} onChange={set('name')} placeholder="Production" />)}
      {item(
        'baseUrl',
        'Server address',
        <Input id={`${id}-baseUrl`} value={fields.baseUrl} onChange={set('baseUrl')} placeholder="https://wifox.example.com" />,
      )}
      {item(
        'email',
        'Email',
        <Input id={`${id}-email`} type="email" autoComplete="username" value={fields.email} onChange={set('email')} />,
      )}
      <Space>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          Save profile
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </Space>
    </Form>
  );
}
