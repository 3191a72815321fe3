import type { InventorySnapshot } from '../../shared/inventory/snapshot';
import { inventoryIpcContract, type InventoryRows, type SnapshotInPieces } from '../../shared/ipc/inventory-contract';
import { markChecked } from './checked-answers';

type TokensChecked = (snapshot: InventorySnapshot) => boolean;

/*
 * Inventories as IPC answers: their first tokens, then chunks. The gate parses every answer
 * against its contract; an inventory's tokens were parsed with the contract's own token schema
 * when the file was read (on the worker, for a big file) or the load sealed, into the very list
 * answered. Parsing 100,000 of them again, chunk by chunk, would cost main's thread half a
 * second, so here the rest of an answer is parsed (with no tokens) and the answer is marked as
 * checked for its channel. Anything else (tokens the inventory service did not check, a header
 * that does not parse) goes to the gate as it is, to be parsed whole.
 */

const withoutTokens = (snapshot: InventorySnapshot): InventorySnapshot => ({ ...snapshot, tokens: [] });

/** An inventory.open or inventory.cached answer: the first tokens of a snapshot, and its header. */
export function inPiecesAnswer<C extends 'inventory.open' | 'inventory.cached', T extends SnapshotInPieces>(
  channel: C,
  answer: T | null,
  tokensChecked: TokensChecked,
): T | null {
  if (answer === null || !tokensChecked(answer.snapshot)) return answer;
  const schema = inventoryIpcContract[channel].result;
  const parsed = schema.safeParse({ ...answer, snapshot: withoutTokens(answer.snapshot) });
  if (!parsed.success || parsed.data === null) return answer;
  return markChecked({ ...parsed.data, snapshot: { ...parsed.data.snapshot, tokens: answer.snapshot.tokens } }, schema) as T;
}

/** A chunk of a snapshot answered in pieces, whose tokens the service checked. */
export function rowsAnswer(rows: InventoryRows, fromChecked: boolean): InventoryRows {
  return fromChecked ? markChecked(rows, inventoryIpcContract['inventory.rows'].result) : rows;
}
