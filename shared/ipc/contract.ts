/*
 * The IPC contract: every channel between the renderer and main, with zod schemas for its
 * argument and result and the error codes the UI can meet. Main validates arguments and results
 * against it (main/ipc/handle.ts); the preload bridge is generated from it (./bridge.ts).
 *
 * Adding a channel:
 *   1. add an entry below: `'area.action': channel({ arg, result, errors: [...] })` — use
 *      `noArg` when it takes nothing, and shared/api schemas for anything the server returns;
 *   2. add its handler where main builds the handler map (main/ipc/handlers.ts); the
 *      compiler refuses a contract entry without a handler;
 *   3. the renderer gets `window.wifox.area.action(arg)` with types, nothing else to write.
 * Events (main → renderer) go in `ipcEvents` with the schema of their payload.
 */
import { z } from 'zod';
import { auditListResponseSchema, auditQuerySchema } from '../api/audit';
import { moduleItemSchema } from '../api/modules';
import { roleItemSchema } from '../api/roles';
import { settingsResponseSchema } from '../api/settings';
import {
  createTokenRequestSchema,
  createTokenResponseSchema,
  identificationTokenSchema,
  updateTokenRequestSchema,
} from '../api/tokens';
import { idSchema, instantSchema } from '../api/common';
import { type ErrorCode, UNIVERSAL_ERRORS } from './errors';
import { inventoryIpcContract, inventoryIpcEvents } from './inventory-contract';
import { policyIpcContract } from './policy-contract';
import { rolesIpcContract } from './roles-contract';
import { leaksIpcContract } from './leaks-contract';
import { auditIpcContract } from './audit-contract';
import { bulkIpcContract, bulkIpcEvents } from './bulk-contract';
import { remindersIpcContract, remindersIpcEvents } from './reminders-contract';
import { signingIpcContract } from './signing-contract';
import { listVersionSchema, MAX_FIRST_ROWS, tokenListIpcContract, tokenListRestSchema } from './token-list-contract';
import {
  connectionChangedEventSchema,
  consoleSettingsSchema,
  copySecretArgSchema,
  copySecretResultSchema,
  profileIdSchema,
  profileInputSchema,
  profileSchema,
  sessionEndedEventSchema,
  sessionStateSchema,
  settingsPatchSchema,
  signInArgSchema,
  signedInStateSchema,
} from './schemas';

export type ChannelDefinition<
  A extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  E extends readonly ErrorCode[] = readonly ErrorCode[],
> = { arg: A; result: R; errors: E };

const channel = <A extends z.ZodType, R extends z.ZodType, const E extends readonly ErrorCode[]>(
  definition: ChannelDefinition<A, R, E>,
): ChannelDefinition<A, R, E> => definition;

export const noArg = z.undefined();

// What any call that reaches the Wifox server can meet.
const REACHING_SERVER = ['offline', 'timeout', 'bad_response', 'server_error', 'rate_limited', 'insecure_url'] as const;
// ...and when it needs a signed-in session.
const AS_ADMIN = [...REACHING_SERVER, 'not_signed_in', 'session_expired', 'forbidden'] as const;

// Refresh: list every token again instead of asking for what changed since the last load.
// `firstRows`: answer with the first rows at once and the rest through tokens.listRest.
// `since`: the `listVersion` of the list the window holds; the answer is then what changed since (`delta`) when main can tell.
export const tokenListArgSchema = z
  .object({ full: z.boolean().optional(), firstRows: z.number().int().positive().max(MAX_FIRST_ROWS).optional(), since: listVersionSchema.optional() })
  .strict()
  .optional();
export type TokenListArg = z.input<typeof tokenListArgSchema>;

export const tokenListResultSchema = z.object({
  // Every page, so the list, its filters and the offline snapshot see the whole inventory.
  items: z.array(identificationTokenSchema),
  total: z.number().int().nonnegative(),
  fetchedAt: instantSchema,
  // The server's cursor for the next delta sync (main keeps it; absent from filtered lists).
  changeCursor: z.string().optional(),
  // Asked with `firstRows`: `items` are the first rows, `total` the whole count so far, and
  // the others follow through tokens.listRest under this reference.
  rest: tokenListRestSchema.optional(),
  // Which list this is (a complete one): send it back as `since` to get only what changed.
  listVersion: listVersionSchema.optional(),
  // Asked with `since`: `items` are only the tokens added or changed since, these ids are gone,
  // and `total` counts the whole list.
  delta: z.object({ removedIds: z.array(idSchema) }).strict().optional(),
});
export type TokenListResult = z.infer<typeof tokenListResultSchema>;

export const tokenIdArgSchema = z.object({ id: idSchema });

export const tokenUpdateArgSchema = z.object({
  id: idSchema,
  // The version the edit started from; the server answers `conflict` when it moved on.
  version: z.number().int().positive(),
  // Only the fields the user changed.
  changes: updateTokenRequestSchema,
});
export type TokenUpdateArg = z.input<typeof tokenUpdateArgSchema>;

export const ipcContract = {
  'profiles.list': channel({ arg: noArg, result: z.array(profileSchema), errors: [] }),
  'profiles.save': channel({ arg: profileInputSchema, result: profileSchema, errors: ['insecure_url', 'not_found'] }),
  'profiles.remove': channel({ arg: z.object({ id: profileIdSchema }), result: z.null(), errors: ['not_found'] }),

  'session.signIn': channel({
    arg: signInArgSchema,
    result: signedInStateSchema,
    errors: [...REACHING_SERVER, 'not_found', 'invalid_credentials', 'locked', 'forbidden'],
  }),
  'session.signOut': channel({ arg: noArg, result: sessionStateSchema, errors: [] }),
  'session.state': channel({ arg: noArg, result: sessionStateSchema, errors: [] }),

  'catalog.modules': channel({ arg: noArg, result: z.array(moduleItemSchema), errors: AS_ADMIN }),
  'roles.list': channel({ arg: noArg, result: z.array(roleItemSchema), errors: AS_ADMIN }),
  'settings.org': channel({ arg: noArg, result: settingsResponseSchema, errors: AS_ADMIN }),

  'tokens.list': channel({ arg: tokenListArgSchema, result: tokenListResultSchema, errors: AS_ADMIN }),
  'tokens.get': channel({ arg: tokenIdArgSchema, result: identificationTokenSchema, errors: [...AS_ADMIN, 'not_found'] }),
  'tokens.create': channel({
    arg: createTokenRequestSchema,
    result: createTokenResponseSchema,
    errors: [...AS_ADMIN, 'name_taken'],
  }),
  'tokens.update': channel({
    arg: tokenUpdateArgSchema,
    result: identificationTokenSchema,
    errors: [...AS_ADMIN, 'not_found', 'name_taken', 'conflict'],
  }),
  'tokens.delete': channel({ arg: tokenIdArgSchema, result: z.null(), errors: [...AS_ADMIN, 'not_found'] }),

  'audit.list': channel({ arg: auditQuerySchema, result: auditListResponseSchema, errors: AS_ADMIN }),

  'clipboard.copySecret': channel({ arg: copySecretArgSchema, result: copySecretResultSchema, errors: [] }),

  'settings.get': channel({ arg: noArg, result: consoleSettingsSchema, errors: [] }),
  'settings.set': channel({ arg: settingsPatchSchema, result: consoleSettingsSchema, errors: [] }),

  ...inventoryIpcContract,
  ...rolesIpcContract,
  ...policyIpcContract,
  ...leaksIpcContract,
  ...auditIpcContract,
  ...bulkIpcContract,
  ...remindersIpcContract,
  ...signingIpcContract,
  ...tokenListIpcContract,
} as const;

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export const CHANNELS = Object.keys(ipcContract) as Channel[];

// What the renderer passes / what a handler receives after parsing.
export type ChannelArg<C extends Channel> = z.input<IpcContract[C]['arg']>;
export type ChannelParsedArg<C extends Channel> = z.output<IpcContract[C]['arg']>;
export type ChannelResult<C extends Channel> = z.output<IpcContract[C]['result']>;
export type ChannelErrorCode<C extends Channel> =
  | IpcContract[C]['errors'][number]
  | (typeof UNIVERSAL_ERRORS)[number];

export const ipcEvents = {
  // The session could not be renewed: the UI asks for the password and keeps what was on screen.
  'session.ended': sessionEndedEventSchema,
  'connection.changed': connectionChangedEventSchema,
  ...inventoryIpcEvents,
  ...remindersIpcEvents,
  ...bulkIpcEvents,
} as const;

export type IpcEvents = typeof ipcEvents;
export type EventName = keyof IpcEvents;
export type EventPayload<E extends EventName> = z.output<IpcEvents[E]>;

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcContract, name);

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcEvents, name);

// Everything a channel may answer with, universal codes included.
export const allowedErrors = (name: Channel): readonly ErrorCode[] => [
  ...ipcContract[name].errors,
  ...UNIVERSAL_ERRORS,
];
