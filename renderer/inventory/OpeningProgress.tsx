import { Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OpenProgressEvent } from '../../shared/ipc/inventory-contract';
import { useBridge } from '../ipc/BridgeContext';

const count = new Intl.NumberFormat('en-GB');

const STEPS: Readonly<Record<OpenProgressEvent['step'], string>> = {
  reading: 'Reading the file…',
  checking: 'Checking tokens against the digest',
};

/**
 * While a snapshot file opens (main reads and checks it on a worker thread): which step it is
 * at and how many tokens are done, so a big file does not look like a frozen console.
 */
export function OpeningProgress() {
  const bridge = useBridge();
  const [progress, setProgress] = useState<OpenProgressEvent | null>(null);
  useEffect(() => bridge.on('inventory.openProgress', (event) => setProgress(event)), [bridge]);
  if (progress === null) return null;
  const percent = progress.total === 0 ? 0 : Math.floor((progress.done / progress.total) * 100);
  return (
    <Flex vertical gap={4} role="status" aria-label="Opening the inventory file" style={{ maxWidth: 480 }}>
      <Typography.Text type="secondary">
        {STEPS[progress.step]}
        {progress.step === 'reading' ? '' : `: ${count.format(progress.done)} of ${count.format(progress.total)}`}
      </Typography.Text>
      {progress.step !== 'reading' && <Progress percent={percent} size="small" aria-label="Opening progress" />}
    </Flex>
  );
}
