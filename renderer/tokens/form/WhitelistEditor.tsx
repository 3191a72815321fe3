import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useId, useRef } from 'react';
import { MAX_WHITELIST_ENTRIES, whitelistCapacityText } from '../../../shared/domain';
import { monospace } from '../../common/styles';
import { newWhitelistRow, type FormValidation, type WhitelistRow } from './tokenFormModel';

export function WhitelistEditor({
  rows,
  validation,
  serverError,
  entryErrors,
  onChange,
}: {
  rows: WhitelistRow[];
  validation: Pick<FormValidation, 'rows' | 'rowWarnings' | 'whitelistError' | 'whitelistNotice'>;
  serverError: string | undefined;
  /** The server's refusal of one entry, by row key, until the whitelist changes. */
  entryErrors: ReadonlyMap<number, string>;
  onChange: (rows: WhitelistRow[]) => void;
}) {
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const focusKey = useRef<number | null>(null);

  useEffect(() => {
    if (focusKey.current === null) return;
    inputs.current.get(focusKey.current)?.focus();
    focusKey.current = null;
  });

  const addAfter = (index: number) => {
    if (rows.length >= MAX_WHITELIST_ENTRIES) return;
    const row = newWhitelistRow();
    focusKey.current = row.key;
    onChange([...rows.slice(0, index + 1), row, ...rows.slice(index + 1)]);
  };
  const setValue = (key: number, value: string) => onChange(rows.map((row) => (row.key === key ? { ...row, value } : row)));
  const remove = (key: number) => onChange(rows.filter((row) => row.key !== key));
  // The limit is said as it nears, so "+ New IP" never greys out without a reason.
  const capacity = whitelistCapacityText(rows.length);
  const capacityId = `${useId()}-capacity`;

  return (
    <Form.Item
      label="Whitelist"
      validateStatus={validation.whitelistError || serverError ? 'error' : undefined}
      help={[validation.whitelistError, serverError].filter(Boolean).join(' ') || undefined}
    >
      <Flex vertical gap={8} role="group" aria-label="Whitelisted IPs">
        {rows.map((row, index) => {
          const refused = entryErrors.get(row.key);
          const problem = validation.rows.get(row.key) ?? (refused === undefined ? undefined : { message: refused });
          const warning = validation.rowWarnings.get(row.key);
          const shown = problem ?? warning;
          const label = `IP address ${index + 1}`;
          const messageId = `whitelist-row-${row.key}-message`;
          return (
            <div key={row.key}>
              <Flex gap={8}>
                <Input
                  ref={(element) => {
                    if (element?.input) inputs.current.set(row.key, element.input);
                    else inputs.current.delete(row.key);
                  }}
                  aria-label={label}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem || warning ? messageId : undefined}
                  status={problem ? 'error' : warning ? 'warning' : undefined}
                  value={row.value}
                  placeholder="203.0.113.45 or 192.168.1.0/24"
                  spellCheck={false}
                  autoComplete="off"
                  style={monospace}
                  onChange={(event) => setValue(row.key, event.target.value)}
                  onPressEnter={(event) => {
                    event.preventDefault();
                    if (row.value.trim() !== '') addAfter(index);
                  }}
                />
                <Button aria-label={`Remove ${label}`} icon={<DeleteOutlined />} onClick={() => remove(row.key)} />
              </Flex>
              {shown && (
                <div id={messageId} style={{ marginTop: 4 }}>
                  <Typography.Text type={problem ? 'danger' : 'warning'}>{shown.message}</Typography.Text>
                  {shown.suggestion && (
                    <Button type="link" size="small" onClick={() => setValue(row.key, shown.suggestion ?? row.value)}>
                      Use {shown.suggestion}
                    </Button>
                  )}
                </div>
              )}
            </div>
          );
        })}
        <Flex gap={8} align="center" wrap>
          <Button
            onClick={() => addAfter(rows.length - 1)}
            disabled={rows.length >= MAX_WHITELIST_ENTRIES}
            aria-describedby={capacity ? capacityId : undefined}
          >
            + New IP
          </Button>
          {capacity && (
            <Typography.Text id={capacityId} type={rows.length >= MAX_WHITELIST_ENTRIES ? 'warning' : 'secondary'}>
              {capacity}
            </Typography.Text>
          )}
        </Flex>
        {validation.whitelistNotice === 'no-restriction' && (
          <Alert
            type="warning"
            showIcon
            title="No IP restriction: the token will be accepted from any address. Add the addresses it is used from."
          />
        )}
        {validation.whitelistNotice === 'every-address' && (
          <Alert
            type="warning"
            showIcon
            title="This whitelist allows every address, so it restricts nothing. Use the narrowest ranges you can."
          />
        )}
      </Flex>
    </Form.Item>
  );
}
