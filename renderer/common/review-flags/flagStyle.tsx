import { Flex, Tag } from 'antd';
import { REVIEW_FLAGS, type ReviewFlag } from '../../../shared/domain';
import { visuallyHidden } from '../styles';

// Red for what lets anyone in, orange for what lasts too long, the rest calmer.
export const FLAG_COLORS: Readonly<Record<ReviewFlag, string>> = {
  no_ip_restriction: 'orange',
  allows_every_address: 'red',
  no_expiry: 'gold',
  expiring_soon: 'warning',
  expired: 'error',
  unused: 'default',
  privileged_role: 'purple',
  no_owner: 'default',
  breaks_policy: 'red',
};

/** The flags of one token as tags; the description is the tag's tooltip. */
export function ReviewTags({ flags }: { flags: readonly ReviewFlag[] }) {
  if (flags.length === 0) return <span style={visuallyHidden}>No review flags</span>;
  return (
    <Flex wrap gap={4}>
      {flags.map((flag) => (
        <Tag key={flag} color={FLAG_COLORS[flag]} title={REVIEW_FLAGS[flag].description} style={{ marginInlineEnd: 0 }}>
          {REVIEW_FLAGS[flag].label}
        </Tag>
      ))}
    </Flex>
  );
}
