import { Descriptions } from 'antd';
import { formatDisplayDateTime } from '../../../shared/domain';
import type { ReviewedInventory } from './ReviewPanel';

/** Where and when the inventory was taken, by whom, and the zone its dates are in. */
export function SnapshotHeader({ inventory }: { inventory: ReviewedInventory }) {
  const { baseUrl, takenAt, takenBy, timeZone, tokens } = inventory;
  return (
    <section aria-label="Inventory details">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'server', label: 'Server', children: baseUrl },
          { key: 'taken', label: 'Taken at', children: formatDisplayDateTime(takenAt, timeZone) },
          { key: 'by', label: 'Taken by', children: `${takenBy.name} (${takenBy.email})` },
          { key: 'zone', label: 'Time zone', children: timeZone },
          { key: 'count', label: 'Tokens', children: tokens.length },
        ]}
      />
    </section>
  );
}
