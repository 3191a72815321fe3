import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type FocusEvent } from 'react';
import {
  addDays,
  expiryEnd,
  formatDisplayDate,
  formatDisplayDateTime,
  parseDisplayDate,
  validateNewExpiry,
  type IsoDate,
} from '../../../shared/domain';

const ISO_FORMAT = 'YYYY-MM-DD';

// The picker works on calendar days only: a Dayjs at local midnight stands for the date, and
// its YYYY-MM-DD text is the whole value, whatever the machine's own time zone.
const toPickerValue = (iso: IsoDate | null): Dayjs | null => (iso === null ? null : dayjs(iso, ISO_FORMAT));

export function ExpiryField({
  id,
  value,
  today,
  now,
  timeZone,
  error,
  onChange,
}: {
  id: string;
  value: IsoDate | null;
  /** Today in the organisation's time zone. */
  today: IsoDate;
  now: Date;
  timeZone: string;
  error: string | undefined;
  onChange: (value: IsoDate | null) => void;
}) {
  // The picker silently drops typed text it cannot take (a past day, 31/02): say why instead.
  const [typedError, setTypedError] = useState<string | null>(null);
  const checkTyped = (event: FocusEvent<HTMLElement>) => {
    const text = event.target instanceof HTMLInputElement ? event.target.value.trim() : '';
    if (text === '' || (value !== null && text === formatDisplayDate(value))) {
      setTypedError(null);
      return;
    }
    const parsed = parseDisplayDate(text);
    if (!parsed.ok) setTypedError(parsed.message);
    else {
      const allowed = validateNewExpiry(parsed.value, now, timeZone);
      setTypedError(allowed.ok ? null : allowed.message);
    }
  };
  const shownError = error ?? typedError ?? undefined;

  const presets = [
    { label: 'Tomorrow (24 hours)', value: toPickerValue(addDays(today, 1)) as Dayjs },
    { label: 'In 7 days', value: toPickerValue(addDays(today, 7)) as Dayjs },
    { label: 'In 30 days', value: toPickerValue(addDays(today, 30)) as Dayjs },
    { label: 'In 90 days', value: toPickerValue(addDays(today, 90)) as Dayjs },
  ];
  const until =
    value === null
      ? 'No expiry date: the token works until it is deleted.'
      : `The token works until the end of ${formatDisplayDate(value)}: it stops at ${formatDisplayDateTime(expiryEnd(value, timeZone), timeZone)} (${timeZone}).`;

  return (
    <Form.Item
      label="Expired Date"
      htmlFor={id}
      validateStatus={shownError ? 'error' : undefined}
      help={shownError && <span id={`${id}-error`}>{shownError}</span>}
      extra={
        <span id={`${id}-until`} data-testid="expiry-until">
          {until}
        </span>
      }
    >
      <DatePicker
        id={id}
        aria-label="Expired Date"
        aria-invalid={shownError ? true : undefined}
        aria-describedby={shownError ? `${id}-error ${id}-until` : `${id}-until`}
        format="DD/MM/YYYY"
        placeholder="DD/MM/YYYY (optional)"
        value={toPickerValue(value)}
        onChange={(date: Dayjs | null) => {
          setTypedError(null);
          onChange(date ? date.format(ISO_FORMAT) : null);
        }}
        onBlur={checkTyped}
        disabledDate={(date: Dayjs) => date.format(ISO_FORMAT) < today}
        presets={presets}
        allowClear
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}
