import { Alert, Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import type { InventoryCompareResult } from '../../../shared/ipc/inventory-contract';
import { useBridgeCall } from '../../ipc/useBridgeCall';
import { useSignedIn } from '../../common/SessionContext';
import { refOf, type SourceKey } from '../sources';
import type { SourceOption } from '../useSourceOptions';
import { CompareResult } from './CompareResult';

type Shown = { result: InventoryCompareResult; leftLabel: string; rightLabel: string };

/** Two inventories side by side: live, the offline copy, or opened files. Matched by token id. */
export function ComparePanel({ options, labelOf }: { options: SourceOption[]; labelOf: (key: SourceKey) => string }) {
  const { profile } = useSignedIn();
  const call = useBridgeCall();
  const usable = options.filter((option) => !option.disabled).map((option) => option.value);
  const [left, setLeft] = useState<SourceKey | null>(null);
  const [right, setRight] = useState<SourceKey | null>(null);
  // Until chosen: the oldest at hand on the left, the newest (live when connected) on the right.
  const earlier = left ?? usable.find((key) => key !== 'live') ?? null;
  const later = right ?? (usable.includes('live') ? 'live' : (usable.findLast((key) => key !== earlier) ?? null));
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);

  const compare = async () => {
    if (earlier === null || later === null) return;
    setBusy(true);
    setError(null);
    const result = await call((bridge) => bridge.inventory.compare({ left: refOf(earlier, profile.id), right: refOf(later, profile.id) }));
    setBusy(false);
    if (result.ok) setShown({ result: result.value, leftLabel: labelOf(earlier), rightLabel: labelOf(later) });
    else {
      setShown(null);
      setError(result.error.message);
    }
  };

  const same = earlier !== null && earlier === later;
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Pick two inventories: tokens are matched by id, so a renamed token shows as changed.
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center">
        <Select<SourceKey>
          aria-label="Earlier inventory"
          placeholder="Earlier inventory"
          value={earlier ?? undefined}
          onChange={setLeft}
          options={options}
          style={{ minWidth: 320 }}
        />
        <span aria-hidden="true">→</span>
        <Select<SourceKey>
          aria-label="Later inventory"
          placeholder="Later inventory"
          value={later ?? undefined}
          onChange={setRight}
          options={options}
          style={{ minWidth: 320 }}
        />
        <Button type="primary" onClick={() => void compare()} loading={busy} disabled={earlier === null || later === null || same}>
          Compare
        </Button>
      </Flex>
      {same && <Typography.Text type="secondary">Choose two different inventories.</Typography.Text>}
      {options.length < 2 && (
        <Typography.Text type="secondary">Open an inventory file (Open inventory…) to have something to compare with.</Typography.Text>
      )}
      {error && <Alert type="error" showIcon title="The inventories could not be compared" description={error} />}
      {shown && <CompareResult {...shown} />}
    </Flex>
  );
}
