import { Alert, Button, Flex, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useId, useState } from 'react';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { parseDisplayDate, validateNewExpiry } from '../../../shared/domain';
import { MAX_EXTEND_DAYS, type BulkAction } from '../../../shared/ipc/bulk-contract';
import { tokensText } from './bulkText';

type Mode = 'set' | 'extend';

/** One date for all (DD/MM/YYYY), or N days after each token's own expiry date. */
export function BulkExpiryDialog({
  tokens,
  timeZone,
  busy,
  error,
  onCancel,
  onSubmit,
}: {
  tokens: readonly IdentificationToken[];
  timeZone: string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (action: BulkAction) => void;
}) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('extend');
  const [date, setDate] = useState('');
  const [days, setDays] = useState<number | null>(30);

  let action: BulkAction | null = null;
  let problem: string | null = null;
  if (mode === 'set') {
    const parsed = parseDisplayDate(date);
    const valid = parsed.ok ? validateNewExpiry(parsed.value, new Date(), timeZone) : parsed;
    if (!parsed.ok) problem = date.trim() === '' ? null : parsed.message;
    else if (!valid.ok) problem = valid.message;
    else action = { kind: 'setExpiry', expiresOn: parsed.value };
  } else if (days !== null && Number.isInteger(days) && days >= 1 && days <= MAX_EXTEND_DAYS) {
    action = { kind: 'extendExpiry', days };
  } else {
    problem = `Enter a number of days from 1 to ${MAX_EXTEND_DAYS}.`;
  }

  return (
    <Modal
      open
      title={`Set the expiry of ${tokensText(tokens.length)}`}
      onCancel={busy ? undefined : onCancel}
      mask={{ closable: !busy }}
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>,
        <Button key="apply" type="primary" loading={busy} disabled={action === null} onClick={() => action && onSubmit(action)}>
          Apply to {tokensText(tokens.length)}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Radio.Group
          aria-label="How to change the expiry"
          value={mode}
          onChange={(event) => setMode(event.target.value as Mode)}
          options={[
            { value: 'extend', label: 'Extend by a number of days' },
            { value: 'set', label: 'Set one date for all' },
          ]}
        />
        {mode === 'extend' ? (
          <Flex vertical gap={4}>
            <label htmlFor={`${id}-days`}>Days to add</label>
            <InputNumber id={`${id}-days`} min={1} max={MAX_EXTEND_DAYS} precision={0} value={days} onChange={(value) => setDays(value)} disabled={busy} />
            <Typography.Text type="secondary">
              Added to each token’s own expiry date; a token without one, or already expired, gets today plus these days.
            </Typography.Text>
          </Flex>
        ) : (
          <Flex vertical gap={4}>
            <label htmlFor={`${id}-date`}>Expiry date (DD/MM/YYYY)</label>
            <Input
              id={`${id}-date`}
              placeholder="DD/MM/YYYY"
              value={date}
              onChange={(event) => setDate(event.target.value)}
              disabled={busy}
              status={problem ? 'error' : undefined}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
            />
          </Flex>
        )}
        {problem && (
          <Typography.Text type="danger" id={`${id}-problem`}>
            {problem}
          </Typography.Text>
        )}
        {error && <Alert role="alert" type="error" showIcon title={error} />}
      </Flex>
    </Modal>
  );
}
