import { Alert, Button, Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useBridgeCall } from '../ipc/useBridgeCall';
import { useSession, useSignedIn } from '../common/SessionContext';
import { ServerKeys } from '../common/signing/ServerKeys';
import { ComparePanel } from './compare/ComparePanel';
import { ExportDialog } from './export/ExportDialog';
import { useOpenedInventories } from './OpenedInventories';
import { OpeningProgress } from './OpeningProgress';
import { SourceReview } from './review/SourceReview';
import { openedIdOf, openedKey, refOf, type SourceKey } from './sources';
import { useSourceOptions } from './useSourceOptions';

type Tab = 'review' | 'compare' | 'keys';

/**
 * Security → Inventory review: review an inventory (live, the offline copy, or a snapshot
 * file) with its summary and review flags, export it, and compare two of them.
 */
export function InventoryPage() {
  const { profile } = useSignedIn();
  const { connection } = useSession();
  const call = useBridgeCall();
  const opened = useOpenedInventories();
  const { options, labelOf } = useSourceOptions();
  const [tab, setTab] = useState<Tab>('review');
  const [chosen, setChosen] = useState<SourceKey | null>(null);
  const [exporting, setExporting] = useState(false);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);

  // Live when connected, otherwise the offline copy, unless the user chose (a closed file falls back).
  const fallback: SourceKey = connection === 'online' ? 'live' : 'cached';
  const chosenStillThere = chosen !== null && options.some((option) => option.value === chosen && !option.disabled);
  const source: SourceKey = chosenStillThere ? chosen : fallback;
  const openedId = openedIdOf(source);

  const openFile = async () => {
    setOpening(true);
    setOpenError(null);
    const result = await call((bridge) => bridge.inventory.open());
    setOpening(false);
    if (!result.ok) {
      setOpenError(result.error.message);
      return;
    }
    if (result.value === null) return;
    const entry = opened.add(result.value);
    setChosen(openedKey(entry.id));
    setTab('review');
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Inventory review
      </Typography.Title>
      <Flex gap={8} wrap>
        <Button onClick={() => setExporting(true)}>Export inventory…</Button>
        <Button onClick={() => void openFile()} loading={opening}>
          Open inventory…
        </Button>
      </Flex>
      {opening && <OpeningProgress />}
      {openError && (
        <Alert
          type="error"
          showIcon
          title="The file could not be opened"
          description={openError}
          closable={{ 'aria-label': 'Dismiss' }}
          onClose={() => setOpenError(null)}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'review',
            label: 'Review',
            children: (
              <Flex vertical gap={16}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text>Inventory to review</Typography.Text>
                  <Select<SourceKey>
                    aria-label="Inventory to review"
                    placeholder="No inventory at hand: open a file"
                    value={options.some((option) => option.value === source) ? source : undefined}
                    onChange={setChosen}
                    options={options}
                    style={{ minWidth: 360 }}
                  />
                  {openedId !== null && (
                    <Button onClick={() => opened.close(openedId)}>Close file</Button>
                  )}
                </Flex>
                <SourceReview key={source} source={source} />
              </Flex>
            ),
          },
          { key: 'compare', label: 'Compare', children: <ComparePanel options={options} labelOf={labelOf} /> },
          // Signed files verify against these; the fingerprint is what the server prints at start.
          { key: 'keys', label: 'Signing keys', children: <ServerKeys profileId={profile.id} /> },
        ]}
      />
      {exporting && <ExportDialog source={refOf(source, profile.id)} sourceLabel={labelOf(source)} onClose={() => setExporting(false)} />}
    </Flex>
  );
}
