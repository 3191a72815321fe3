import { Alert, Typography } from 'antd';
import type { IdentificationToken } from '../../shared/api/tokens';
import { moduleName, reachChanges, rightsChanges, type RoleRights } from '../../shared/domain';

const names = (keys: readonly Parameters<typeof moduleName>[0][]) => keys.map(moduleName).join(', ');

/**
 * Before saving: which tokens holding the role will gain or lose which modules (every token of
 * a role reaches the same modules, so one sentence covers them all), and which rights change.
 */
export function RoleImpact({
  before,
  after,
  tokens,
}: {
  before: RoleRights;
  after: RoleRights;
  tokens: readonly Pick<IdentificationToken, 'id' | 'name'>[] | null;
}) {
  const { gained, lost } = reachChanges(before, after);
  const changed = Object.keys(rightsChanges(before, after)).length;
  if (changed === 0) return null;
  const holders = tokens === null ? null : tokens.length;
  const who = holders === null ? 'Tokens holding this role' : holders === 1 ? '1 token' : `${holders} tokens`;
  const lines = [
    gained.length > 0 ? `${who} will gain ${names(gained)}.` : null,
    lost.length > 0 ? `${who} will lose ${names(lost)}.` : null,
    gained.length === 0 && lost.length === 0 ? `${who} will reach the same modules, with the rights changed on ${changed} ${changed === 1 ? 'module' : 'modules'}.` : null,
  ].filter((line): line is string => line !== null);
  return (
    <Alert
      type={lost.length > 0 ? 'warning' : 'info'}
      showIcon
      title="On saving, at once"
      description={
        <div aria-label="Effect on tokens">
          {holders === 0 ? (
            <Typography.Paragraph style={{ margin: 0 }}>No token holds this role: no token is affected.</Typography.Paragraph>
          ) : (
            lines.map((line) => (
              <Typography.Paragraph key={line} style={{ margin: 0 }}>
                {line}
              </Typography.Paragraph>
            ))
          )}
          {tokens !== null && tokens.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {tokens.slice(0, 10).map((token) => token.name).join(', ')}
              {tokens.length > 10 ? ` and ${tokens.length - 10} more` : ''}
            </Typography.Paragraph>
          )}
        </div>
      }
    />
  );
}
