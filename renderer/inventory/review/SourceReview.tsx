import { Alert, Button, Empty, Skeleton } from 'antd';
import { useMemo } from 'react';
import type { InventorySnapshot } from '../../../shared/inventory';
import { useBridgeQuery } from '../../ipc/useBridgeQuery';
import { useSignedIn } from '../../common/SessionContext';
import { NO_OFFLINE_COPY } from '../../common/offline/offlineText';
import { cachedCopy } from '../../common/snapshotRows';
import { useOpenedInventories, type OpenedInventory } from '../OpenedInventories';
import { openedIdOf, type SourceKey } from '../sources';
import { ReviewPanel, type ReviewedInventory } from './ReviewPanel';
import { SignatureBanner } from './SignatureBanner';

const FILE_NOTE = 'Recorded in an inventory file: nothing can be changed here.';
const COPY_NOTE = 'From the offline copy of this profile: nothing can be changed here.';

const loading = <Skeleton active paragraph={{ rows: 6 }} />;

/** The inventory a source names, loaded and shown for review. */
export function SourceReview({ source }: { source: SourceKey }) {
  if (source === 'live') return <LiveReview />;
  if (source === 'cached') return <CachedReview />;
  return <OpenedReview id={openedIdOf(source) ?? ''} />;
}

function Failure({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="The inventory could not be loaded"
      description={message}
      action={<Button onClick={onRetry}>Retry</Button>}
    />
  );
}

function LiveReview() {
  const { profile, employee } = useSignedIn();
  const tokens = useBridgeQuery((bridge) => bridge.tokens.list());
  const roles = useBridgeQuery((bridge) => bridge.roles.list());
  const org = useBridgeQuery((bridge) => bridge.settings.org());
  const [list, roleItems, settings] = [tokens.data, roles.data, org.data];
  // On the loaded data, not the queries: the summary is computed once per load.
  const inventory = useMemo<ReviewedInventory | null>(() => {
    if (list === undefined || roleItems === undefined || settings === undefined) return null;
    return {
      baseUrl: profile.baseUrl,
      takenAt: list.fetchedAt,
      takenBy: employee,
      timeZone: settings.timeZone,
      tokens: list.items,
      roles: roleItems,
    };
  }, [list, roleItems, settings, profile.baseUrl, employee]);
  const failed = [tokens, roles, org].find((query) => query.status === 'error');
  if (failed?.error) {
    return (
      <Failure
        message={failed.error.message}
        onRetry={() => {
          for (const query of [tokens, roles, org]) if (query.status === 'error') query.reload();
        }}
      />
    );
  }
  if (inventory === null) return loading;
  return <ReviewPanel inventory={inventory} note="Open Security → Identification tokens to change a token." />;
}

function CachedReview() {
  const { profile } = useSignedIn();
  const cached = useBridgeQuery((bridge) => cachedCopy(bridge, profile.id));
  if (cached.status === 'loading') return loading;
  if (cached.status === 'error') return <Failure message={cached.error.message} onRetry={cached.reload} />;
  if (cached.data === null) return <Empty description={NO_OFFLINE_COPY} />;
  return <SnapshotReview snapshot={cached.data} note={COPY_NOTE} />;
}

function OpenedReview({ id }: { id: string }) {
  const { opened } = useOpenedInventories();
  const entry = opened.find((candidate) => candidate.id === id);
  if (!entry) return <Empty description="This file is no longer open: open it again." />;
  return (
    <>
      <SignatureBanner state={entry.signature} timeZone={entry.snapshot.timeZone} />
      <PartialFile entry={entry} />
      <SnapshotReview snapshot={entry.snapshot} note={FILE_NOTE} />
    </>
  );
}

/** While a big file's tokens cross from main, or when some never will: the review is of part of it. */
function PartialFile({ entry }: { entry: OpenedInventory }) {
  const received = entry.snapshot.tokens.length;
  if (received >= entry.tokenCount) return null;
  const counts = `${received.toLocaleString('en-GB')} of the ${entry.tokenCount.toLocaleString('en-GB')} tokens in this file`;
  if (entry.failed !== null) {
    return <Alert type="error" showIcon title={`Only ${counts} could be shown`} description={entry.failed} />;
  }
  return <Alert type="info" showIcon role="status" title={`Showing ${counts}: the others are on their way, and the counts below will follow.`} />;
}

function SnapshotReview({ snapshot, note }: { snapshot: InventorySnapshot; note: string }) {
  return <ReviewPanel inventory={snapshot} note={note} />;
}
