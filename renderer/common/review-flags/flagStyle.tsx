import { RowTag, type RowTagColor } from '../rowParts';
import { REVIEW_FLAGS, type ReviewFlag } from '../../../shared/domain';
import { inlineRow, visuallyHidden } from '../styles';

// Red for what lets anyone in, orange for what lasts too long, the rest calmer.
export const FLAG_COLORS: Readonly<Record<ReviewFlag, RowTagColor>> = {
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

const FLUSH = { marginInlineEnd: 0 } as const;
const TAGS = { ...inlineRow(4), display: 'flex' } as const;

/** The flags of one token as tags; the description is the tag's tooltip. */
export function ReviewTags({ flags }: { flags: readonly ReviewFlag[] }) {
  if (flags.length === 0) return <span style={visuallyHidden}>No review flags</span>;
  return (
    <div style={TAGS}>
      {flags.map((flag) => (
        <RowTag key={flag} color={FLAG_COLORS[flag]} title={REVIEW_FLAGS[flag].description} style={FLUSH}>
          {REVIEW_FLAGS[flag].label}
        </RowTag>
      ))}
    </div>
  );
}
