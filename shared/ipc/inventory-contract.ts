/*
 * Proposed IPC channels for inventory snapshots (issue 6), in the shape of `ipcContract` in
 * ./contract.ts so the entries can be spread into it as they are:
 *
 *   export const ipcContract = { ...existing, ...inventoryIpcContract } as const;
 *   export const ipcEvents = { ...existing, ...inventoryIpcEvents } as const;
 *
 * A snapshot is named by a reference rather than sent back and forth: 50,000 tokens cross the
 * process boundary once, when the renderer needs to show them, and never as an argument.
 */
import { z } from 'zod';
import { identificationTokenSchema } from '../api/tokens';
import { inventoryDiffSchema } from '../inventory/diff';
import { inventorySnapshotSchema, snapshotInfoSchema } from '../inventory/snapshot';
import { signatureStateSchema } from '../inventory/signature';
import type { ChannelDefinition } from './contract';
import type { ErrorCode } from './errors';
import { profileIdSchema } from './schemas';
import { LIST_CHUNK_ROWS } from './token-list-contract';

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

const noArg = z.undefined();

// The same lists as in ./contract.ts: what reaching the server (as an admin) can meet.
const REACHING_SERVER = ['offline', 'timeout', 'bad_response', 'server_error', 'rate_limited', 'insecure_url'] as const;
const AS_ADMIN = [...REACHING_SERVER, 'not_signed_in', 'session_expired', 'forbidden'] as const;

// Opened files live in main under an opaque id until closed.
export const openedSnapshotIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a snapshot reference.');

export const snapshotRefSchema = z.discriminatedUnion('kind', [
  // A fresh full load of the signed-in profile (it refreshes that profile's cache too).
  z.object({ kind: z.literal('live') }),
  // The cached snapshot of a profile, as of its last full load.
  z.object({ kind: z.literal('cached'), profileId: profileIdSchema }),
  // A file opened with inventory.open.
  z.object({ kind: z.literal('opened'), id: openedSnapshotIdSchema }),
]);
export type SnapshotRef = z.infer<typeof snapshotRefSchema>;

export const inventoryFormatSchema = z.enum(['json', 'csv']);
export type InventoryFormat = z.infer<typeof inventoryFormatSchema>;

/** Tokens of a snapshot in the answer that names it; `inventory.rows` gives the others. */
export const FIRST_ROWS = LIST_CHUNK_ROWS;

// A snapshot too big for one answer: `snapshot` holds its first tokens (FIRST_ROWS at most),
// `tokenCount` says how many it has, and `inventory.rows` gives the others under `id`. No
// answer carries 100,000 tokens, and the first rows can be shown while the rest cross.
export const snapshotInPiecesSchema = z.object({
  id: openedSnapshotIdSchema,
  snapshot: inventorySnapshotSchema,
  tokenCount: z.number().int().nonnegative(),
});
export type SnapshotInPieces = z.infer<typeof snapshotInPiecesSchema>;

// The file's name (not its folder) labels it in the console: "review.json (https://…, as of …)".
// `signature` says who vouches for the file (checked offline against the keys profiles recorded);
// a file whose signature does not match its content is refused instead.
export const openedSnapshotSchema = snapshotInPiecesSchema.extend({
  fileName: z.string().min(1).max(255),
  signature: signatureStateSchema,
});
export type OpenedSnapshot = z.infer<typeof openedSnapshotSchema>;

export const inventoryRowsArgSchema = z.object({ id: openedSnapshotIdSchema, offset: z.number().int().nonnegative() }).strict();
export const inventoryRowsSchema = z.object({
  // The file's tokens from `offset` on, in the file's order.
  items: z.array(identificationTokenSchema).max(LIST_CHUNK_ROWS),
  // Nothing follows.
  done: z.boolean(),
});
export type InventoryRows = z.infer<typeof inventoryRowsSchema>;

export const inventoryExportArgSchema = z.object({ source: snapshotRefSchema, format: inventoryFormatSchema });
export const inventoryExportResultSchema = z.object({
  // null when the user cancelled the save dialog.
  filePath: z.string().nullable(),
  // A written snapshot (JSON): signed by the server, or unsigned when it could not sign.
  signature: signatureStateSchema.optional(),
});

export const inventoryCompareArgSchema = z.object({ left: snapshotRefSchema, right: snapshotRefSchema });
export const inventoryCompareResultSchema = z.object({
  left: snapshotInfoSchema,
  right: snapshotInfoSchema,
  diff: inventoryDiffSchema,
});
export type InventoryCompareResult = z.infer<typeof inventoryCompareResultSchema>;

export const exportProgressEventSchema = z.object({
  format: inventoryFormatSchema,
  // Tokens written so far, out of total.
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ExportProgressEvent = z.infer<typeof exportProgressEventSchema>;

export const openProgressEventSchema = z.object({
  // Reading and parsing the file (no count yet), then checking each token against the digest
  // and the schema (the console takes the checked tokens meanwhile).
  step: z.enum(['reading', 'checking']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type OpenProgressEvent = z.infer<typeof openProgressEventSchema>;

// `validation` also carries a refused file (not an inventory, newer format, changed since
// export, damaged) and a damaged cache, with a message that says which.
export const inventoryIpcContract = {
  // Header only: the offline banner ("inventory as of …") and the compare picker.
  'inventory.cachedInfo': channel({
    arg: z.object({ profileId: profileIdSchema }),
    result: snapshotInfoSchema.nullable(),
    errors: [],
  }),
  // The cached snapshot, for the read-only offline list, in pieces (see snapshotInPiecesSchema).
  'inventory.cached': channel({
    arg: z.object({ profileId: profileIdSchema }),
    result: snapshotInPiecesSchema.nullable(),
    errors: [],
  }),
  // Shows the open dialog; null when cancelled.
  'inventory.open': channel({
    arg: noArg,
    result: openedSnapshotSchema.nullable(),
    errors: ['not_found'],
  }),
  // The tokens of a snapshot answered in pieces (an opened file, the offline copy) past the first.
  'inventory.rows': channel({
    arg: inventoryRowsArgSchema,
    result: inventoryRowsSchema,
    errors: ['not_found'],
  }),
  'inventory.close': channel({
    arg: z.object({ id: openedSnapshotIdSchema }),
    result: z.null(),
    errors: [],
  }),
  // Shows the save dialog, then writes with progress events.
  'inventory.export': channel({
    arg: inventoryExportArgSchema,
    result: inventoryExportResultSchema,
    errors: [...AS_ADMIN, 'not_found'],
  }),
  'inventory.compare': channel({
    arg: inventoryCompareArgSchema,
    result: inventoryCompareResultSchema,
    errors: [...AS_ADMIN, 'not_found'],
  }),
} as const;

export const inventoryIpcEvents = {
  'inventory.exportProgress': exportProgressEventSchema,
  'inventory.openProgress': openProgressEventSchema,
} as const;
