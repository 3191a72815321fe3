import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markChecked } from '../../../main/ipc/checked-answers';
import { createIpcRouter } from '../../../main/ipc/handle';
import { inPiecesAnswer } from '../../../main/ipc/inventory-answers';
import { workerSnapshotReader } from '../../../main/inventory/snapshot-worker-reader';
import { canonicalJson } from '../../../shared/inventory/canonical-json';
import { buildSnapshot, type InventorySnapshot } from '../../../shared/inventory/snapshot';
import { inventoryIpcContract, FIRST_ROWS, type InventoryRows, type OpenedSnapshot } from '../../../shared/ipc/inventory-contract';
import { makeParts, makeToken, manyTokens, sha256Hex } from '../../shared/inventory/fixtures';
import { serializeSnapshot } from '../../support/snapshot-text';
import { APP_SENDER, buildConsole } from '../support/console';
import { expectError, expectOk } from '../support/sign-in';

// An opened inventory's tokens are parsed once, on the worker, not again at the IPC gate: what
// keeps the boundary is that a file the worker refuses never becomes an answer, and that an
// answer the inventory service did not check is parsed whole at the gate.

const reader = workerSnapshotReader(resolve('test/main/support/snapshot-worker-from-source.mjs'));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wifox-inventory-answers-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

// The file as a tool could write it, with its digest sealed over whatever was changed.
const sealedFile = (snapshot: InventorySnapshot, edit: (raw: { tokens: Record<string, unknown>[] }) => void): string => {
  const raw = JSON.parse(serializeSnapshot(snapshot)) as Record<string, unknown> & { tokens: Record<string, unknown>[] };
  edit(raw);
  const { digest: _digest, ...content } = raw;
  const file = join(dir, `edited-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ ...content, digest: { algorithm: 'SHA-256', value: sha256Hex(canonicalJson(content)) } }));
  return file;
};

const consoleOpening = (...files: string[]) => buildConsole({ snapshotReader: reader, dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => files.shift() ?? null } });

describe('inventory answers over IPC', () => {
  it('refuses a malformed token on the worker, and answers a well-formed file with the tokens the worker checked', async () => {
    const snapshot = await buildSnapshot(makeParts([1, 2, 3].map((id) => makeToken(id))), sha256Hex);
    const malformed = sealedFile(snapshot, (raw) => Object.assign(raw.tokens[1] ?? {}, { status: 'lost' }));
    const app = consoleOpening(malformed, sealedFile(snapshot, () => undefined));

    const refused = expectError(await app.call('inventory.open'));
    expect(refused.code).toBe('validation');
    expect(refused.message).toMatch(/^This inventory is damaged or incomplete: tokens\.1\.status: /);

    const opened = expectOk<OpenedSnapshot>(await app.call('inventory.open'));
    expect(opened.snapshot).toEqual(snapshot);
    expect(opened.signature).toEqual({ state: 'unsigned' });
  });

  it('answers a big file with its first rows and its count, then the others in chunks, until it is closed', async () => {
    const snapshot = await buildSnapshot(makeParts(manyTokens(4_500)), sha256Hex);
    const app = consoleOpening(sealedFile(snapshot, () => undefined));
    const opened = expectOk<OpenedSnapshot>(await app.call('inventory.open'));
    expect(opened.tokenCount).toBe(4_500);
    expect(opened.snapshot.tokens).toEqual(snapshot.tokens.slice(0, FIRST_ROWS));
    expect({ ...opened.snapshot, tokens: [] }).toEqual({ ...snapshot, tokens: [] });

    const received = [...opened.snapshot.tokens];
    const dones: boolean[] = [];
    for (let done = false; !done; ) {
      const rows = expectOk<InventoryRows>(await app.call('inventory.rows', { id: opened.id, offset: received.length }));
      received.push(...rows.items);
      dones.push(rows.done);
      done = rows.done;
    }
    expect(dones).toEqual([false, true]);
    expect(received).toEqual(snapshot.tokens);

    expectOk(await app.call('inventory.close', { id: opened.id }));
    expect(expectError(await app.call('inventory.rows', { id: opened.id, offset: FIRST_ROWS })).code).toBe('not_found');
  });

  it('leaves an answer whose tokens the service did not check to the gate, which strips what the contract does not hold', async () => {
    const app = consoleOpening(sealedFile(await buildSnapshot(makeParts([makeToken(1)]), sha256Hex), () => undefined));
    const opened = expectOk<OpenedSnapshot>(await app.call('inventory.open'));
    const { inventory } = app.services;
    const stored = await inventory.resolve({ kind: 'opened', id: opened.id });
    expect(inventory.hasCheckedTokens(stored)).toBe(true);

    const leaky = { ...opened, snapshot: { ...stored, tokens: [{ ...makeToken(1), secret: 'wfx_leaked' }] } } as unknown as OpenedSnapshot;
    expect(inventory.hasCheckedTokens(leaky.snapshot)).toBe(false);
    expect(inPiecesAnswer('inventory.open', leaky, (snapshot) => inventory.hasCheckedTokens(snapshot))).toBe(leaky);

    const answering = (answer: unknown) =>
      createIpcRouter({ ...app.services.handlers, 'inventory.open': () => answer as OpenedSnapshot }, { isTrustedSender: () => true }).dispatch('inventory.open', undefined, APP_SENDER);
    const schema = inventoryIpcContract['inventory.open'].result;
    expect(JSON.stringify(await answering(leaky))).not.toContain('wfx_leaked');
    // Marked for another channel's schema: still parsed.
    expect(JSON.stringify(await answering(markChecked(leaky, inventoryIpcContract['inventory.cached'].result)))).not.toContain('wfx_leaked');
    // Marked for its own: taken as checked where it was made (so only the service marks, after checking).
    expect(JSON.stringify(await answering(markChecked({ ...leaky }, schema)))).toContain('wfx_leaked');
  });
});
