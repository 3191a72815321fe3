import { Typography } from 'antd';
import type { IdentificationToken } from '../../../shared/api/tokens';
// Kept apart from RotateSecret: the list is in the first screen's bundle, the drawer is not.
import { overlapRunning, rotatingText } from './overlapText';

/** Under a token's name in the list while its old secret still works. */
export function RotatingNote({ token, timeZone }: { token: IdentificationToken; timeZone: string }) {
  if (!overlapRunning(token) || !token.previousSecret) return null;
  const text = rotatingText(token.previousSecret.validUntil, timeZone);
  return (
    <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }} title={text}>
      {text}
    </Typography.Text>
  );
}
