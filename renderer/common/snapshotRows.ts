import type { IdentificationToken } from '../../shared/api/tokens';
import type { InventorySnapshot } from '../../shared/inventory';
import type { WifoxBridge } from '../../shared/ipc/bridge';
import { ok, type IpcError, type Result } from '../../shared/ipc/errors';
import type { SnapshotInPieces } from '../../shared/ipc/inventory-contract';

/**
 * The tokens of a snapshot main answered in pieces, past those its answer held: asked for a
 * chunk at a time (inventory.rows), each handed to `onChunk` as it lands. Answers the error
 * that stopped it, or null once every token came; rejects with the signal's reason once
 * `signal` is aborted (no chunk is asked for after that).
 */
export async function readRestOfSnapshot(
  bridge: WifoxBridge,
  pieces: SnapshotInPieces,
  onChunk: (tokens: IdentificationToken[]) => void,
  signal?: AbortSignal,
): Promise<IpcError | null> {
  for (let offset = pieces.snapshot.tokens.length; offset < pieces.tokenCount; ) {
    signal?.throwIfAborted();
    const answer = await bridge.inventory.rows({ id: pieces.id, offset });
    if (!answer.ok) return answer.error;
    onChunk(answer.value.items);
    offset += answer.value.items.length;
    if (answer.value.done || answer.value.items.length === 0) break;
  }
  return null;
}

/** The whole snapshot of an answer in pieces, once its last chunk has come. */
async function wholeSnapshot(bridge: WifoxBridge, pieces: SnapshotInPieces, signal?: AbortSignal): Promise<Result<InventorySnapshot>> {
  const tokens = [...pieces.snapshot.tokens];
  const failed = await readRestOfSnapshot(
    bridge,
    pieces,
    (chunk) => {
      for (const token of chunk) tokens.push(token);
    },
    signal,
  );
  return failed === null ? ok({ ...pieces.snapshot, tokens }) : { ok: false, error: failed };
}

/**
 * The profile's offline copy, whole (null when none was saved). Aborting `signal` stops the
 * reading between chunks (the promise then rejects with its reason): a copy nobody waits for
 * any more is a whole inventory crossing the process boundary for nothing.
 */
export async function cachedCopy(bridge: WifoxBridge, profileId: string, signal?: AbortSignal): Promise<Result<InventorySnapshot | null>> {
  const answer = await bridge.inventory.cached({ profileId });
  if (!answer.ok || answer.value === null) return answer.ok ? ok(null) : answer;
  return wholeSnapshot(bridge, answer.value, signal);
}
