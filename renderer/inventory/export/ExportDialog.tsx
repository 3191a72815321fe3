import { Alert, App, Button, Flex, Modal, Progress, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ExportProgressEvent, InventoryFormat, SnapshotRef } from '../../../shared/ipc/inventory-contract';
import { useBridge } from '../../ipc/BridgeContext';
import { useBridgeCall } from '../../ipc/useBridgeCall';

const FORMATS: readonly { value: InventoryFormat; label: string; help: string }[] = [
  {
    value: 'json',
    label: 'Snapshot (JSON)',
    help:
      'The whole inventory with its roles and modules, and a SHA-256 corruption check that the server signs (Ed25519) when connected: it can be opened here later, without a connection, and a signed file shows any edit. The check alone catches a damaged file, not a deliberate edit (anyone can recompute it): a file exported offline is unsigned and proves nothing about where it comes from.',
  },
  {
    value: 'csv',
    label: 'CSV (spreadsheet)',
    help: 'One row per token with its review flags, for a spreadsheet. It cannot be opened here again.',
  },
];

const count = new Intl.NumberFormat('en-GB');

/**
 * Picks the format, then main asks where to save and writes, reporting progress as it goes
 * (a large inventory takes a moment). Cancelling the save dialog closes this quietly.
 */
export function ExportDialog({ source, sourceLabel, onClose }: { source: SnapshotRef; sourceLabel: string; onClose: () => void }) {
  const bridge = useBridge();
  const call = useBridgeCall();
  const { message } = App.useApp();
  const [format, setFormat] = useState<InventoryFormat>('json');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ExportProgressEvent | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => bridge.on('inventory.exportProgress', (event) => setProgress(event)), [bridge]);

  const run = async () => {
    setBusy(true);
    setError(null);
    setProgress(null);
    const result = await call((b) => b.inventory.export({ source, format }));
    setBusy(false);
    if (!result.ok) {
      setProgress(null);
      setError(result.error.message);
      return;
    }
    onClose();
    const { filePath, signature } = result.value;
    if (filePath === null) return;
    if (signature?.state === 'signed') void message.success(`Inventory exported to ${filePath}, signed by ${signature.signature.server}`);
    else if (signature !== undefined) {
      void message.warning(
        signature.state === 'unsigned'
          ? `Inventory exported to ${filePath} unsigned: the server could not sign it (offline, or another server's inventory).`
          : `Inventory exported to ${filePath}, signed with a server key this console has not recorded.`,
      );
    } else void message.success(`Inventory exported to ${filePath}`);
  };

  const percent = progress === null ? 0 : progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100);
  const help = FORMATS.find((candidate) => candidate.value === format)?.help;

  return (
    <Modal
      open
      title="Export inventory"
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      keyboard={!busy}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="primary" onClick={() => void run()} loading={busy}>
            Export
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          Inventory: <Typography.Text strong>{sourceLabel}</Typography.Text>
        </Typography.Text>
        <Radio.Group
          aria-label="Format"
          value={format}
          disabled={busy}
          onChange={(event) => setFormat(event.target.value as InventoryFormat)}
          options={FORMATS.map(({ value, label }) => ({ value, label }))}
        />
        {help && <Typography.Text type="secondary">{help}</Typography.Text>}
        {busy && progress !== null && (
          <div>
            <Progress percent={percent} aria-label="Export progress" />
            <Typography.Text type="secondary">
              {count.format(progress.done)} of {count.format(progress.total)} tokens written
            </Typography.Text>
          </div>
        )}
        {error && <Alert type="error" showIcon title="The inventory could not be exported" description={error} />}
      </Flex>
    </Modal>
  );
}
