import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  addDays,
  expiryEnd,
  formatDisplayDate,
  formatDisplayDateTime,
  parseDisplayDate,
  type IsoDate,
} from '../../../shared/domain';

const ISO_FORMAT = 'YYYY-MM-DD';

// The picker works on calendar days only: a Dayjs at local midnight stands for the date, and
// its YYYY-MM-DD text is the whole value, whatever the machine's own time zone.
const toPickerValue = (iso: IsoDate | null): Dayjs | null => (iso === null ? null : dayjs(iso, ISO_FORMAT));

/** What a quick choice gives, said in full: a whole day, to its end in the organisation's zone. */
export function presetLabel(lead: string, day: IsoDate, timeZone: string): string {
  return `${lead} — until ${formatDisplayDate(day)} 24:00 ${timeZone}`;
}

export function ExpiryField({
  id,
  value,
  text,
  today,
  timeZone,
  error,
  onChange,
}: {
  id: string;
  value: IsoDate | null;
  /** Typed text that is not a date; the field keeps showing it until the admin changes it. */
  text: string | undefined;
  /** Today in the organisation's time zone. */
  today: IsoDate;
  timeZone: string;
  error: string | undefined;
  onChange: (value: IsoDate | null, text: string | undefined) => void;
}) {
  // Half-typed text is not yet an error: it is said once the admin leaves the field or presses Enter.
  const [typing, setTyping] = useState(false);
  const holder = useRef<HTMLSpanElement>(null);

  // The picker ignores text it cannot take (a past day, 31/02) and would reset it on blur: the
  // form reads the text itself, so what was typed is either the value or a blocking error.
  const readTyped = (event: FormEvent<HTMLElement>) => {
    if (!(event.target instanceof HTMLInputElement)) return;
    setTyping(true);
    const typed = event.target.value.trim();
    if (typed === '') return onChange(null, undefined);
    const parsed = parseDisplayDate(typed);
    if (parsed.ok) onChange(parsed.value, undefined);
    else onChange(value, typed);
  };

  // Enter on the picker's clear button wiped a date the admin had just typed and tabbed away
  // from: the button stays for the mouse, and the keyboard clears by deleting the text.
  useEffect(() => {
    holder.current?.querySelectorAll<HTMLElement>('.ant-picker-clear').forEach((button) => {
      button.tabIndex = -1;
    });
  });

  const shownError = typing && text !== undefined ? undefined : error;

  const presets = [
    { label: presetLabel('Tomorrow', addDays(today, 1), timeZone), value: toPickerValue(addDays(today, 1)) as Dayjs },
    { label: presetLabel('In 7 days', addDays(today, 7), timeZone), value: toPickerValue(addDays(today, 7)) as Dayjs },
    { label: presetLabel('In 30 days', addDays(today, 30), timeZone), value: toPickerValue(addDays(today, 30)) as Dayjs },
    { label: presetLabel('In 90 days', addDays(today, 90), timeZone), value: toPickerValue(addDays(today, 90)) as Dayjs },
  ];
  const hint =
    text !== undefined || shownError
      ? 'Type the date as DD/MM/YYYY (today or later) or pick it in the calendar; empty the field for no expiry.'
      : value === null
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
          {hint}
        </span>
      }
    >
      <span
        ref={holder}
        style={{ display: 'block' }}
        onInput={readTyped}
        onBlur={() => setTyping(false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') setTyping(false);
        }}
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
            setTyping(false);
            onChange(date ? date.format(ISO_FORMAT) : null, undefined);
          }}
          disabledDate={(date: Dayjs) => date.format(ISO_FORMAT) < today}
          presets={presets}
          preserveInvalidOnBlur
          allowClear
          style={{ width: '100%' }}
        />
      </span>
    </Form.Item>
  );
}
