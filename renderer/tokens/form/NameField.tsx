import { Form, Input } from 'antd';

export function NameField({
  id,
  value,
  error,
  onChange,
  onBlur,
}: {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  return (
    <Form.Item
      label="Name"
      htmlFor={id}
      required
      validateStatus={error ? 'error' : undefined}
      help={error && <span id={`${id}-error`}>{error}</span>}
      extra={<span id={`${id}-hint`}>3 to 64 characters: letters, digits, spaces, “.”, “_” and “-”, unique among tokens.</span>}
    >
      <Input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        placeholder="e.g. CrmNightlySync"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-required
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        autoFocus
      />
    </Form.Item>
  );
}
