import { useEffect, useState } from 'react';
import { Modal, Progress } from 'antd';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import type { BulkAction, BulkItemResult } from '../../../shared/ipc/bulk-contract';
import { useBridge } from '../../ipc/BridgeContext';
import { useBridgeCall } from '../../ipc/useBridgeCall';
import { BulkDeleteDialog } from './BulkDeleteDialog';
import { BulkExpiryDialog } from './BulkExpiryDialog';
import { BulkResultDialog } from './BulkResultDialog';
import { BulkRoleDialog } from './BulkRoleDialog';
import type { BulkKind } from './bulkText';

/**
 * One bulk action from confirmation to result: main sends one request per token with the
 * version shown in the list, and answers for each. A call that fails as a whole (session
 * ended, server down) leaves the dialog open with the reason and nothing lost.
 */
export function BulkDialog({
  kind,
  tokens,
  roles,
  adminRank,
  timeZone,
  onClose,
  onFinished,
}: {
  kind: BulkKind;
  tokens: readonly IdentificationToken[];
  roles: readonly RoleItem[];
  adminRank: number;
  timeZone: string;
  onClose: () => void;
  onFinished: (results: readonly BulkItemResult[]) => void;
}) {
  const call = useBridgeCall();
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => (busy ? bridge.on('tokens.bulkProgress', setProgress) : undefined), [bridge, busy]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ results: readonly BulkItemResult[]; names: ReadonlyMap<number, string> } | null>(null);

  const run = async (action: BulkAction) => {
    setBusy(true);
    setProgress(null);
    setError(null);
    const items = tokens.map((token) => ({ id: token.id, version: token.version, expiresOn: token.expiresOn }));
    const result = await call((bridge) => bridge.tokens.bulk({ action, items }));
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setDone({ results: result.value.results, names: new Map(tokens.map((token) => [token.id, token.name])) });
    onFinished(result.value.results);
  };

  if (done) return <BulkResultDialog kind={kind} results={done.results} names={done.names} onClose={onClose} />;
  const common = { tokens, busy, error, onCancel: onClose };
  const form =
    kind === 'delete' ? (
      <BulkDeleteDialog {...common} onConfirm={() => void run({ kind: 'delete' })} />
    ) : kind === 'expiry' ? (
      <BulkExpiryDialog {...common} timeZone={timeZone} onSubmit={(action) => void run(action)} />
    ) : (
      <BulkRoleDialog {...common} roles={roles} adminRank={adminRank} onSubmit={(action) => void run(action)} />
    );
  // A large selection takes a while (one request per token, four at a time): how far it is,
  // over the form, which stays as typed in case the call fails as a whole.
  const doneCount = progress?.done ?? 0;
  return (
    <>
      {form}
      {busy && tokens.length > 20 && (
        <Modal open title="Working…" closable={false} mask={{ closable: false }} footer={null}>
          <Progress percent={Math.floor((doneCount / tokens.length) * 100)} aria-label="Tokens done" />
          <span role="status">
            {doneCount} of {tokens.length} tokens done
          </span>
        </Modal>
      )}
    </>
  );
}
