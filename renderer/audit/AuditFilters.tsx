import { Button, Form, Input, Select, Space } from 'antd';
import { AUDIT_ACTIONS } from '../../shared/api/audit';
import { AUDIT_ACTION_LABELS } from '../common/audit-text/auditText';
import type { FilterDraft } from './auditFilterForm';

const ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] }));

/** The audit log's filters; nothing is sent until Apply (or Enter), so typing costs no request. */
export function AuditFilters({
  draft,
  errors,
  onChange,
  onApply,
  onClear,
}: {
  draft: FilterDraft;
  errors: Partial<Record<'from' | 'to', string>>;
  onChange: (draft: FilterDraft) => void;
  onApply: () => void;
  onClear: () => void;
}) {
  const text = (field: 'actor' | 'tokenName' | 'ip' | 'from' | 'to', label: string, placeholder: string, width: number) => (
    <Form.Item
      label={label}
      htmlFor={`audit-${field}`}
      validateStatus={field === 'from' || field === 'to' ? (errors[field] ? 'error' : undefined) : undefined}
      help={field === 'from' || field === 'to' ? errors[field] : undefined}
      style={{ marginBottom: 8 }}
    >
      <Input
        id={`audit-${field}`}
        value={draft[field]}
        placeholder={placeholder}
        allowClear
        style={{ width }}
        onChange={(event) => onChange({ ...draft, [field]: event.target.value })}
        onPressEnter={onApply}
      />
    </Form.Item>
  );
  return (
    <Form layout="vertical" component="div">
      <Space wrap align="start" size={12}>
        <Form.Item label="Action" htmlFor="audit-action" style={{ marginBottom: 8 }}>
          <Select
            id="audit-action"
            aria-label="Action"
            allowClear
            placeholder="Any action"
            style={{ width: 200 }}
            options={ACTION_OPTIONS}
            value={draft.action}
            onChange={(action) => onChange({ ...draft, action })}
          />
        </Form.Item>
        {text('actor', 'Actor', 'Name or e-mail', 180)}
        {text('tokenName', 'Token', 'Token name', 180)}
        {text('ip', 'Address', 'e.g. 203.0.113.9', 160)}
        {text('from', 'From', 'DD/MM/YYYY', 130)}
        {text('to', 'To', 'DD/MM/YYYY', 130)}
        <Form.Item label=" " style={{ marginBottom: 8 }}>
          <Space>
            <Button type="primary" onClick={onApply}>
              Apply filters
            </Button>
            <Button onClick={onClear}>Clear filters</Button>
          </Space>
        </Form.Item>
      </Space>
    </Form>
  );
}
