import { useState } from 'react';
import type { RoleItem } from '../../../shared/api/roles';
import type { IdentificationToken } from '../../../shared/api/tokens';
import type { BulkAction, BulkItemResult } from '../../../shared/ipc/bulk-contract';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ results: readonly BulkItemResult[]; names: ReadonlyMap<number, string> } | null>(null);

  const run = async (action: BulkAction) => {
    setBusy(true);
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
  switch (kind) {
    case 'delete':
      return <BulkDeleteDialog {...common} onConfirm={() => void run({ kind: 'delete' })} />;
    case 'expiry':
      return <BulkExpiryDialog {...common} timeZone={timeZone} onSubmit={(action) => void run(action)} />;
    case 'role':
      return <BulkRoleDialog {...common} roles={roles} adminRank={adminRank} onSubmit={(action) => void run(action)} />;
  }
}
