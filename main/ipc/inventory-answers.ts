import type { InventorySnapshot } from '../../shared/inventory/snapshot';
import { inventoryIpcContract, type InventoryRows, type OpenedSnapshot } from '../../shared/ipc/inventory-contract';
import { markChecked } from './checked-answers';

type TokensChecked = (snapshot: InventorySnapshot) => boolean;

/*
 * Whole inventories as IPC answers. The gate parses every answer against its contract; an
 * inventory's tokens were parsed with the contract's own token schema when the file was read
 * (on the worker, for a big file) or the load sealed, into the very list answered. Parsing
 * 100,000 of them again would hold main's thread for half a second, so here the rest of the
 * answer is parsed (with no tokens) and the answer is marked as checked for its channel.
 * Anything else (tokens the inventory service did not check, a header that does not parse)
 * goes to the gate as it is, to be parsed whole.
 */

const withoutTokens = (snapshot: InventorySnapshot): InventorySnapshot => ({ ...snapshot, tokens: [] });

export function openedAnswer(opened: OpenedSnapshot | null, tokensChecked: TokensChecked): OpenedSnapshot | null {
  if (opened === null || !tokensChecked(opened.snapshot)) return opened;
  const schema = inventoryIpcContract['inventory.open'].result;
  const parsed = schema.safeParse({ ...opened, snapshot: withoutTokens(opened.snapshot) });
  if (!parsed.success || parsed.data === null) return opened;
  return markChecked({ ...parsed.data, snapshot: { ...parsed.data.snapshot, tokens: opened.snapshot.tokens } }, schema);
}

export function cachedAnswer(snapshot: InventorySnapshot | null, tokensChecked: TokensChecked): InventorySnapshot | null {
  if (snapshot === null || !tokensChecked(snapshot)) return snapshot;
  const schema = inventoryIpcContract['inventory.cached'].result;
  const parsed = schema.safeParse(withoutTokens(snapshot));
  if (!parsed.success || parsed.data === null) return snapshot;
  return markChecked({ ...parsed.data, tokens: snapshot.tokens }, schema);
}

/** A chunk of an opened file's tokens, which the service checked when it read the file. */
export function rowsAnswer(rows: InventoryRows, fromChecked: boolean): InventoryRows {
  return fromChecked ? markChecked(rows, inventoryIpcContract['inventory.rows'].result) : rows;
}
