import { Button, Flex, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { REVIEW_FLAGS, REVIEW_FLAG_KEYS, countReviewFlags, reviewFlagCountText, type ReviewFlag } from '../../../shared/domain';
import type { FlagMap } from './reviewFlagsMemo';

/**
 * One compact line of counts ("No IP restriction 7 · Expired 1 …"), one per flag some token
 * has, its full wording ("7 tokens without IP restriction") on hover and as its description; each
 * filters the list by its flag (and a second click clears that filter). One line, so the
 * table keeps the height of a small window.
 */
// A keystroke in Search renders the list twice and changes no count: memo skips both.
export const ReviewCounts = memo(function ReviewCounts({
  flags,
  active,
  onSelect,
}: {
  flags: FlagMap;
  active: ReviewFlag | null;
  onSelect: (flag: ReviewFlag | null) => void;
}) {
  const lines = useMemo(() => {
    const counts = countReviewFlags(flags.values());
    return REVIEW_FLAG_KEYS.filter((flag) => counts[flag] > 0).map((flag) => ({
      flag,
      count: counts[flag],
      text: reviewFlagCountText(flag, counts[flag]),
    }));
  }, [flags]);

  return (
    <section aria-label="Review counts">
      {lines.length === 0 ? (
        <Typography.Text type="secondary">No token needs review.</Typography.Text>
      ) : (
        <Flex gap={4} align="center" style={{ overflowX: 'auto', whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">Review:</Typography.Text>
          {lines.map(({ flag, count, text }) => (
            <Button
              key={flag}
              size="small"
              type={active === flag ? 'primary' : 'default'}
              title={text}
              aria-pressed={active === flag}
              style={{ fontSize: 12, paddingInline: 6 }}
              onClick={() => onSelect(active === flag ? null : flag)}
            >
              {REVIEW_FLAGS[flag].label} <strong>{count}</strong>
            </Button>
          ))}
        </Flex>
      )}
    </section>
  );
});
