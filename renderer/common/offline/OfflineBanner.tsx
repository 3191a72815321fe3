import { Alert, Button } from 'antd';
import { OFFLINE_REASON } from '../readOnly';
import { offlineBannerText } from './offlineText';

/** Above the read-only list while the server cannot be reached. */
export function OfflineBanner({ snapshot, onRetry }: { snapshot: { takenAt: string; timeZone: string }; onRetry: () => void }) {
  return (
    <Alert
      type="warning"
      showIcon
      title={offlineBannerText(snapshot)}
      description={`${OFFLINE_REASON} The console keeps trying in the background and shows live data as soon as it answers.`}
      action={
        <Button size="small" onClick={onRetry}>
          Try again now
        </Button>
      }
    />
  );
}
