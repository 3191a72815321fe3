import { Descriptions, Drawer, Flex, Tag, Typography } from 'antd';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { formatDisplayDate, formatDisplayDateTime, type ReviewFlag } from '../../../shared/domain';
import { monospace } from '../styles';
import { ReviewTags } from '../review-flags/flagStyle';

const STATUS_TEXT = { active: 'Active', expiring: 'Expiring soon', expired: 'Expired' } as const;

/** A token as recorded, nothing editable: offline, or from an opened inventory file. */
export function TokenViewDrawer({
  token,
  flags,
  timeZone,
  note,
  onClose,
}: {
  token: IdentificationToken;
  flags: readonly ReviewFlag[];
  timeZone: string;
  /** Why this is read-only (shown under the title). */
  note: string;
  onClose: () => void;
}) {
  const when = (instant: string) => formatDisplayDateTime(instant, timeZone);
  return (
    <Drawer open title="Token details" placement="right" size={480} onClose={onClose} closable={{ 'aria-label': 'Close token details' }}>
      <Flex vertical gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {token.name}
        </Typography.Title>
        <Typography.Text type="secondary">{note}</Typography.Text>
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'role', label: 'Role', children: token.roleName },
            {
              key: 'modules',
              label: 'Permissions',
              children: (
                <Flex wrap gap={4}>
                  {token.permissions.map((module) => (
                    <Tag key={module}>{module}</Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'whitelist',
              label: 'Whitelisted IPs',
              children:
                token.whitelist.length === 0 ? (
                  'None: no IP restriction'
                ) : (
                  <Flex vertical>
                    {token.whitelist.map((entry) => (
                      <span key={entry} style={monospace}>
                        {entry}
                      </span>
                    ))}
                  </Flex>
                ),
            },
            {
              key: 'expiry',
              label: 'Expired Date',
              children: token.expiresOn === null ? 'No expiry date' : `${formatDisplayDate(token.expiresOn)} (${STATUS_TEXT[token.status]})`,
            },
            // Absent from inventories taken before tokens had owners: not shown then.
            ...(token.owner === undefined ? [] : [{ key: 'owner', label: 'Owner', children: token.owner ?? 'No owner' }]),
            ...(token.description ? [{ key: 'description', label: 'Description', children: <span style={{ whiteSpace: 'pre-wrap' }}>{token.description}</span> }] : []),
            { key: 'review', label: 'Review', children: <ReviewTags flags={flags} /> },
            { key: 'created', label: 'Created', children: `${when(token.createdAt)} by ${token.createdBy.name}` },
            {
              key: 'used',
              label: 'Last used',
              children:
                token.lastUsedAt === null ? 'Never used' : `${when(token.lastUsedAt)}${token.lastUsedIp ? ` from ${token.lastUsedIp}` : ''}`,
            },
            { key: 'hint', label: 'Secret', children: <span style={monospace}>{token.secretHint}…</span> },
          ]}
        />
        <Typography.Text type="secondary">Times are shown in {timeZone}.</Typography.Text>
      </Flex>
    </Drawer>
  );
}
