import type { NotificationPort } from '../ports';

// The slice of Electron's Notification class the console uses (tests hand in a fake of it).
export type ElectronNotificationClass = {
  isSupported(): boolean;
  new (options: { title: string; body: string; silent?: boolean }): {
    on(event: 'click', listener: () => void): unknown;
    show(): void;
  };
};

/**
 * Desktop notifications through Electron. `focus` brings the console's window forward on a
 * click, before the notice's own action runs. The shown notices are kept until clicked or
 * replaced: a notification garbage-collected early loses its click handler on some desktops.
 */
export const createElectronNotifier = (Notification: ElectronNotificationClass, focus: () => void = () => undefined): NotificationPort => {
  let current: InstanceType<ElectronNotificationClass> | null = null;
  return {
    isSupported: () => Notification.isSupported(),
    show({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const notice = new Notification({ title, body });
      notice.on('click', () => {
        if (current === notice) current = null;
        focus();
        onClick();
      });
      current = notice;
      notice.show();
    },
  };
};
