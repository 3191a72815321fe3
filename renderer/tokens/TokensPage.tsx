import { Button, Flex, Result, Skeleton, Typography } from 'antd';
import type { RoleItem } from '../../shared/api/roles';
import type { SettingsResponse } from '../../shared/api/settings';
import type { TokenListResult } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/errors';
import { errorText } from '../ipc/errorText';
import { useBridgeQuery, type Query } from '../ipc/useBridgeQuery';
import { useSignedIn } from '../session/SessionContext';
import { TokensView } from './TokensView';

/** Security → Identification tokens: loads the whole inventory, its roles and the org's zone. */
export function TokensPage() {
  const { employee } = useSignedIn();
  const tokens = useBridgeQuery((bridge) => bridge.tokens.list());
  const roles = useBridgeQuery((bridge) => bridge.roles.list());
  const org = useBridgeQuery((bridge) => bridge.settings.org());

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Identification tokens
      </Typography.Title>
      <Body tokens={tokens} roles={roles} org={org} adminRank={employee.rank} />
    </Flex>
  );
}

function Body({
  tokens,
  roles,
  org,
  adminRank,
}: {
  tokens: Query<TokenListResult, ErrorCode>;
  roles: Query<RoleItem[], ErrorCode>;
  org: Query<SettingsResponse, ErrorCode>;
  adminRank: number;
}) {
  const failed = [tokens, roles, org].find((query) => query.status === 'error');
  if (failed?.error) {
    return (
      <Result
        status="error"
        title="The tokens could not be loaded"
        subTitle={errorText(failed.error)}
        extra={
          <Button
            type="primary"
            onClick={() => {
              for (const query of [tokens, roles, org]) if (query.status === 'error') query.reload();
            }}
          >
            Retry
          </Button>
        }
      />
    );
  }
  if (tokens.status !== 'success' || roles.status !== 'success' || org.status !== 'success') {
    return (
      <div aria-busy="true" aria-label="Loading tokens">
        <Skeleton active title={false} paragraph={{ rows: 1, width: '100%' }} />
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  return (
    <TokensView
      tokens={tokens.data.items}
      roles={roles.data}
      timeZone={org.data.timeZone}
      adminRank={adminRank}
      updateTokens={(change) =>
        tokens.update((data) => {
          const items = change(data.items);
          return { ...data, items, total: items.length };
        })
      }
    />
  );
}
