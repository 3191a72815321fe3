import { App, Flex, Form, Radio, Select, Switch, Typography } from 'antd';
import { useId } from 'react';
import { CLIPBOARD_CLEAR_CHOICES, REMINDER_HORIZON_CHOICES, type ClipboardClearSeconds, type SettingsPatch, type Theme } from '../../shared/ipc/schemas';
import { useSettings } from './SettingsContext';

const NEVER = 'never';

const clearLabel = (seconds: number): string => (seconds >= 60 ? `After ${seconds / 60} min` : `After ${seconds} s`);

/** Settings → Preferences: how this console looks, how long a copied secret stays, expiry reminders. */
export function PreferencesPage() {
  const { settings, change } = useSettings();
  const { message } = App.useApp();
  const id = useId();

  const save = async (patch: SettingsPatch) => {
    const error = await change(patch);
    if (error) void message.error(`The preference could not be saved: ${error.message}`);
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 520 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Preferences
      </Typography.Title>
      <Form layout="vertical" component="div">
        <Form.Item label="Theme">
          <Radio.Group
            aria-label="Theme"
            value={settings.theme}
            onChange={(event) => void save({ theme: event.target.value as Theme })}
            options={[
              { value: 'system', label: 'Follow the system' },
              { value: 'light', label: 'Light' },
              { value: 'dark', label: 'Dark' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="Clear the clipboard after copying a token"
          htmlFor={`${id}-clipboard`}
          extra="Cleared only if the clipboard still holds the token, and always when the console quits."
        >
          <Select<string | number>
            id={`${id}-clipboard`}
            aria-label="Clear the clipboard after copying a token"
            value={settings.clipboardClearSeconds ?? NEVER}
            onChange={(value) => void save({ clipboardClearSeconds: value === NEVER ? null : (value as ClipboardClearSeconds) })}
            options={[
              ...CLIPBOARD_CLEAR_CHOICES.map((seconds) => ({ value: seconds, label: clearLabel(seconds) })),
              { value: NEVER, label: 'Never' },
            ]}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          label="Remind me of tokens expiring within"
          htmlFor={`${id}-horizon`}
          extra="Checked at start and every hour; the count shows beside Identification tokens."
        >
          <Select<number>
            id={`${id}-horizon`}
            aria-label="Remind me of tokens expiring within"
            value={settings.reminderHorizonDays}
            onChange={(value) => void save({ reminderHorizonDays: value })}
            options={[...new Set<number>([...REMINDER_HORIZON_CHOICES, settings.reminderHorizonDays])]
              .sort((a, b) => a - b)
              .map((days) => ({ value: days, label: `${days} days` }))}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          label="Expiry notifications"
          htmlFor={`${id}-notify`}
          extra="At most one desktop notification a day: tokens expiring soon, and tokens that expired since your last look."
        >
          <Switch
            id={`${id}-notify`}
            aria-label="Expiry notifications"
            checked={settings.expiryNotifications}
            onChange={(checked) => void save({ expiryNotifications: checked })}
          />
        </Form.Item>
      </Form>
    </Flex>
  );
}
