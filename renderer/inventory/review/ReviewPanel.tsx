import { Divider, Flex } from 'antd';
import { useMemo } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import { summarizeInventory } from '../../../shared/inventory';
import { TokenList } from '../../common/token-list/TokenList';
import { useListPrefs } from '../../common/token-list/useListPrefs';
import { SummaryCharts } from '../chart/SummaryCharts';
import { SnapshotHeader } from './SnapshotHeader';
import { useNow } from '../../common/review-flags/useNow';

export type ReviewedInventory = {
  baseUrl: string;
  takenAt: string;
  takenBy: { name: string; email: string };
  timeZone: string;
  tokens: IdentificationToken[];
  roles: RoleItem[];
};

const REVIEW_PREFS_KEY = 'wifox.inventoryReview.prefs';

/** One inventory under review: header, summary chart, and the token list without editing. */
export function ReviewPanel({ inventory, note }: { inventory: ReviewedInventory; note: string }) {
  const [prefs, setPrefs] = useListPrefs(REVIEW_PREFS_KEY);
  const now = useNow();
  const summary = useMemo(() => summarizeInventory(inventory, now), [inventory, now]);
  return (
    <Flex vertical gap={16}>
      <SnapshotHeader inventory={inventory} />
      <SummaryCharts summary={summary} />
      <Divider style={{ margin: 0 }} />
      <TokenList
        tokens={inventory.tokens}
        roles={inventory.roles}
        timeZone={inventory.timeZone}
        prefs={prefs}
        onPrefs={setPrefs}
        readOnlyNote={note}
        emptyInventory="This inventory holds no token."
        label="Inventory tokens"
      />
    </Flex>
  );
}
