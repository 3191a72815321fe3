import { Button, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { REVIEW_FLAG_KEYS, countReviewFlags, reviewFlagCountText, type ReviewFlag } from '../../../shared/domain';
import type { FlagMap } from './reviewFlagsMemo';

/**
 * "7 tokens without IP restriction", one line per flag some token has; each line filters the
 * list by its flag (and a second click clears that filter).
 */
export function ReviewCounts({
  flags,
  active,
  onSelect,
}: {
  flags: FlagMap;
  active: ReviewFlag | null;
  onSelect: (flag: ReviewFlag | null) => void;
}) {
  const lines = useMemo(() => {
    const counts = countReviewFlags([...flags.values()]);
    return REVIEW_FLAG_KEYS.filter((flag) => counts[flag] > 0).map((flag) => ({ flag, text: reviewFlagCountText(flag, counts[flag]) }));
  }, [flags]);

  return (
    <section aria-label="Review counts">
      {lines.length === 0 ? (
        <Typography.Text type="secondary">No token needs review.</Typography.Text>
      ) : (
        <Flex vertical align="flex-start">
          {lines.map(({ flag, text }) => (
            <Button
              key={flag}
              type="link"
              size="small"
              style={{ paddingInline: 0, fontWeight: active === flag ? 600 : undefined }}
              aria-pressed={active === flag}
              onClick={() => onSelect(active === flag ? null : flag)}
            >
              {text}
            </Button>
          ))}
        </Flex>
      )}
    </section>
  );
}
