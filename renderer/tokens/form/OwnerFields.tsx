import { Form, Input } from 'antd';
import { DESCRIPTION_MAX, OWNER_MAX } from '../../../shared/domain';

type FieldProps = {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
};

/** Who answers for the token: an email address or a team name. Optional. */
export function OwnerField({ id, value, error, onChange, onBlur }: FieldProps) {
  return (
    <Form.Item
      label="Owner"
      htmlFor={id}
      validateStatus={error ? 'error' : undefined}
      help={error && <span id={`${id}-error`}>{error}</span>}
      extra={<span id={`${id}-hint`}>An email address or a team name: who to ask about this token.</span>}
    >
      <Input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        placeholder="e.g. payments-team@example.com"
        maxLength={OWNER_MAX}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
      />
    </Form.Item>
  );
}

/** What the token is for. Optional, up to 500 characters. */
export function DescriptionField({ id, value, error, onChange, onBlur }: FieldProps) {
  return (
    <Form.Item
      label="Description"
      htmlFor={id}
      validateStatus={error ? 'error' : undefined}
      help={error && <span id={`${id}-error`}>{error}</span>}
    >
      <Input.TextArea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        placeholder="What is this token for?"
        autoSize={{ minRows: 2, maxRows: 6 }}
        showCount
        maxLength={DESCRIPTION_MAX}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </Form.Item>
  );
}
