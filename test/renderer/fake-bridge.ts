/*
 * An in-memory main process for component tests. Every channel of the IPC contract has a
 * handler here, and calls go through the real makeBridge. Like main, the fake parses arguments
 * with the contract's schemas on the way in and checks results and events on the way out, so a
 * component that sends or expects the wrong shape fails its test. It holds state; its rules
 * (name keys, ranks, whitelist, status) come from shared/domain as the server's do, and the few
 * it applies itself (unique names, versions, missing ids) are checked against the real server
 * behind the real main handlers by test/main/fake-bridge-contract.test.ts.
 */
import { serializeSnapshot } from '../support/snapshot-text';
import type { AuditEvent, RefusalGroups } from '../../shared/api/audit';
import type { TokenUsage } from '../../shared/api/usage';
import type { RoleItem } from '../../shared/api/roles';
import type { SettingsResponse } from '../../shared/api/settings';
import type { IdentificationToken } from '../../shared/api/tokens';
import {
  MODULES,
  MODULE_GROUP_NAMES,
  addDays,
  canAssignRole,
  expiryEnd,
  findSecrets,
  formatSecret,
  reachableModuleNames,
  secretHint,
  todayIn,
  tokenNameKey,
  tokenStatus,
  checkTokenPolicy,
  validateWhitelist,
  type PolicyCheckedToken,
  type RoleRights,
} from '../../shared/domain';
import type { TokenPolicy } from '../../shared/api/token-policy';
import {
  buildSnapshot,
  csvChunks,
  diffInventories,
  parseSnapshotText,
  snapshotInfo,
  snapshotJsonChunks,
  type InventorySnapshot,
  type Sha256Hex,
  type SnapshotParts,
} from '../../shared/inventory';
import { makeBridge, type WifoxBridge } from '../../shared/ipc/bridge';
import { FIRST_ROWS, type SnapshotRef } from '../../shared/ipc/inventory-contract';
import type { BulkItemResult } from '../../shared/ipc/bulk-contract';
import type { ReminderStatus } from '../../shared/ipc/reminders-contract';
import type { SignatureState } from '../../shared/inventory/signature';
import type { ProfileSigningKeys } from '../../shared/ipc/signing-contract';
import {
  type Channel,
  type ChannelErrorCode,
  type ChannelParsedArg,
  type ChannelResult,
  type EventName,
  type EventPayload,
  ipcContract,
  ipcEvents,
} from '../../shared/ipc/contract';
import { ERROR_WORDING } from '../../shared/ipc/error-wording';
import { LIST_CHUNK_ROWS } from '../../shared/ipc/token-list-contract';
import { type ErrorCode, type IpcError, type Result, fail, ok } from '../../shared/ipc/errors';
import { roleHandlers } from './fake-roles';
import { DEFAULT_SETTINGS, type ConsoleSettings, type Profile, type SessionState } from '../../shared/ipc/schemas';

type Handler<C extends Channel> = (
  arg: ChannelParsedArg<C>,
) => Result<ChannelResult<C>, ChannelErrorCode<C>> | Promise<Result<ChannelResult<C>, ChannelErrorCode<C>>>;
type Handlers = { [C in Channel]: Handler<C> };

export type Call = { channel: Channel; arg: unknown };

export const TIME_ZONE = 'Europe/Paris';

/** SHA-256 through WebCrypto (jsdom on Node 20 has it), as main does with node:crypto. */
export const sha256Hex: Sha256Hex = async (text) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

// Calls that need the Wifox server: they answer `offline` while it cannot be reached.
const SERVER_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'catalog.modules',
  'roles.list',
  'settings.org',
  'tokens.list',
  'tokens.listRest',
  'tokens.get',
  'tokens.create',
  'tokens.update',
  'tokens.delete',
  'audit.list',
  'roles.settings',
  'roles.create',
  'roles.update',
  'roles.duplicate',
  'roles.delete',
  'tokens.rotateSecret',
  'tokens.endOverlap',
  'leaks.check',
  'policy.get',
  'policy.update',
  'auditLog.refusals',
  'usage.token',
  'usage.totals',
  'tokens.bulk',
]);

// Errors carry main's wording (shared/ipc/error-wording.ts): the renderer shows it as is.
const wording = <C extends ErrorCode>(code: C): IpcError<C> => ({ code, message: ERROR_WORDING[code] });
const UNREACHABLE = wording('offline');

const moduleItems = () =>
  MODULES.map((m) => ({ key: m.key, name: m.name, group: m.group, groupName: MODULE_GROUP_NAMES[m.group], parent: m.parent }));
export const PASSWORD = 'Correct-Horse-9';

export const today = (): string => todayIn(TIME_ZONE, new Date());

export const PROFILE: Profile = { id: 'local', name: 'Local demo', baseUrl: 'http://127.0.0.1:4010', email: 'admin@wifox.test' };
export const ADMIN = { id: 7, name: 'Ada Admin', email: 'admin@wifox.test', rank: 3 };

function role(id: number, name: string, rank: number, rights: RoleRights): RoleItem {
  return { id, name, type: 'employee', rank, rights, modules: reachableModuleNames(rights) };
}

export const ROLES: RoleItem[] = [
  role(1, 'Owner', 1, Object.fromEntries(MODULES.map((m) => [m.key, { view: 'all', manage: ['manage_all', 'delete'] }]))),
  role(2, 'Full CB Access', 2, {
    'cb-accounts': { view: 'all', manage: ['manage_all'] },
    'cb-transactions': { view: 'all', manage: ['manage_all'] },
    'cb-assets': { view: 'all', manage: ['manage_all'] },
    'cb-wallets': { view: 'all', manage: ['manage_all'] },
  }),
  role(3, 'CB Accounts & Transactions', 3, {
    'cb-accounts': { view: 'all', manage: [] },
    'cb-transactions': { view: 'all', manage: [] },
  }),
  role(4, 'Clients, Actions, Logs', 4, {
    clients: { view: 'all', manage: [] },
    actions: { view: 'all', manage: [] },
    logs: { view: 'all', manage: [] },
  }),
  role(5, 'Read-only Clients', 5, { clients: { view: 'own', manage: [] } }),
];

const roleById = (id: number): RoleItem | undefined => ROLES.find((r) => r.id === id);

let secretCounter = 0;
function newSecret(): string {
  secretCounter += 1;
  const tail = String(secretCounter).padStart(6, '0');
  return formatSecret(`AbCdEfGhIjKlMnOpQrStUvWxYz${tail}`);
}

export type TokenSeed = {
  name: string;
  roleId: number;
  whitelist?: string[];
  expiresOn?: string | null;
  lastUsedAt?: string | null;
  lastUsedIp?: string | null;
  owner?: string | null;
  description?: string | null;
};

export class FakeWifox {
  profiles: Profile[] = [PROFILE];
  session: SessionState;
  roles: RoleItem[] = ROLES;
  tokens: IdentificationToken[] = [];
  audit: AuditEvent[] = [];
  /** Set: the audit log answers from main's cached window, taken at this instant. */
  auditCachedAt: string | null = null;
  refusalGroups: RefusalGroups | null = null;
  /** Token id → its usage; absent tokens have none. */
  usage = new Map<number, TokenUsage>();
  settings: ConsoleSettings = { ...DEFAULT_SETTINGS };
  org: SettingsResponse = { timeZone: TIME_ZONE, organisationName: 'Wifox Test' };
  policy: TokenPolicy = { maxLifetimeDays: null, requireWhitelist: false, widestIpv4Prefix: null, widestIpv6Prefix: null, version: 1, updatedAt: null, updatedBy: null, editable: true };
  clipboard: string[] = [];
  /** Whether main reports the copy as kept out of clipboard history (false on e.g. GNOME). */
  clipboardHistoryExcluded = true;
  /** What main's expiry reminders last found (the sidebar badge). */
  reminderStatus: ReminderStatus = { expiringSoon: 0, horizonDays: 7, checkedAt: null };
  /** Ids the bulk action refuses with 403 (a token holding a role ranked above the admin). */
  bulkForbidden = new Set<number>();
  /** Secrets handed out by tokens.create, so tests can look for them afterwards. */
  issuedSecrets: string[] = [];
  /** Secret → token id, for leaks.check (create and rotate fill it). */
  readonly secretOwners = new Map<string, number>();
  calls: Call[] = [];
  readonly bridge: WifoxBridge;

  /** false: every call that needs the Wifox server answers `offline` (see goOffline). */
  reachable = true;
  /** As main after a sync: a list answered in pieces says every row is in hand already (rest.held). */
  holdsList = false;
  /** What the open dialog hands out, in order: a file's text, or null when the user cancels. */
  openDialog: (string | null)[] = [];
  /** What the save dialog answers, in order: a path, or null when the user cancels. */
  saveDialog: (string | null)[] = [];
  /** What exports wrote, by path. */
  files = new Map<string, string>();
  /** Tokens per written chunk, and so per progress event. */
  exportChunkSize = 2;
  /** What main says of a written snapshot (JSON): signed, unsigned or foreign; none by default. */
  exportSignature: SignatureState | undefined = undefined;
  /** The server signing keys each profile recorded (main's RecordedKeys). */
  signingKeys = new Map<string, ProfileSigningKeys>();
  /** What main's signature check says of an opened file (a refusal is a `validation` error). */
  signatureOf: (snapshot: InventorySnapshot) => SignatureState | IpcError<'validation'> = (snapshot) =>
    snapshot.signature ? { state: 'foreign', signature: snapshot.signature, fingerprint: null } : { state: 'unsigned' };

  private nextId = 100;
  private failures = new Map<Channel, IpcError[]>();
  private holds = new Map<Channel, Promise<void>>();
  private listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  // The offline copy per profile, refreshed by every full token list as main does; sealed
  // only when asked for, since hashing 10,000 tokens on every list would slow every test.
  private cacheParts = new Map<string, SnapshotParts>();
  private sealed = new WeakMap<SnapshotParts, Promise<InventorySnapshot>>();
  private opened = new Map<string, InventorySnapshot>();
  private openedCount = 0;
  private listed: { id: string; rows: IdentificationToken[] } | null = null;
  private listCount = 0;
  private exportGate: Promise<void> | null = null;
  private openGate: Promise<void> | null = null;
  private rowsGate: Promise<void> | null = null;
  // Offline copies answered in pieces, by reference.
  private readonly inPieces = new Map<string, InventorySnapshot>();
  private copiesHandedOut = 0;

  constructor(options: { signedIn?: boolean } = {}) {
    this.session =
      options.signedIn === false
        ? { status: 'signedOut', lastProfileId: PROFILE.id }
        : { status: 'signedIn', profile: PROFILE, employee: ADMIN, credentialStorage: 'keychain', connection: 'online' };
    this.bridge = makeBridge(
      (channel, arg) => this.invoke(channel, arg),
      (event, listener) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(listener);
        this.listeners.set(event, set);
        return () => set.delete(listener);
      },
    );
  }

  /** The next call of the channel answers this error (a code alone: with its wording) instead of running. */
  failNext(channel: Channel, error: IpcError | ErrorCode): this {
    this.failures.set(channel, [...(this.failures.get(channel) ?? []), typeof error === 'string' ? wording(error) : error]);
    return this;
  }

  /** Calls of the channel wait until the returned function is called. */
  hold(channel: Channel): () => void {
    let release = (): void => undefined;
    this.holds.set(channel, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(channel);
      release();
    };
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = ipcEvents[event].parse(payload);
    for (const listener of this.listeners.get(event) ?? []) listener(structuredClone(checked));
  }

  /** The server stops answering: main reports the connection offline. */
  goOffline(): void {
    this.reachable = false;
    this.setConnection('offline');
  }

  /** The server answers again: main reports the connection online. */
  goOnline(): void {
    this.reachable = true;
    this.setConnection('online');
  }

  private setConnection(state: 'online' | 'offline'): void {
    if (this.session.status !== 'signedIn') return;
    this.session = { ...this.session, connection: state };
    this.emit('connection.changed', { profileId: this.session.profile.id, state });
  }

  /** The inventory as a snapshot would record it now (or as of `takenAt`). */
  snapshotParts(takenAt: string = new Date().toISOString()): SnapshotParts {
    const profile = this.session.status === 'signedIn' ? this.session.profile : PROFILE;
    return {
      baseUrl: profile.baseUrl,
      takenAt,
      takenBy: { id: ADMIN.id, name: ADMIN.name, email: ADMIN.email },
      timeZone: this.org.timeZone,
      modules: moduleItems(),
      roles: this.roles,
      tokens: [...this.tokens],
    };
  }

  /** The text of an exported snapshot file of the inventory as it is now. */
  async snapshotText(takenAt?: string): Promise<string> {
    return serializeSnapshot(await buildSnapshot(this.snapshotParts(takenAt), sha256Hex));
  }

  /** Saves the offline copy of the profile now, as a full load while connected would. */
  saveOfflineCopy(takenAt?: string, profileId: string = PROFILE.id): void {
    this.cacheParts.set(profileId, this.snapshotParts(takenAt));
  }

  /** Exports stop after their first chunk until the returned function is called. */
  pauseExport(): () => void {
    let release = (): void => undefined;
    this.exportGate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.exportGate = null;
      release();
    };
  }

  /** Opening a file stops once its tokens are checked until the returned function is called. */
  /** Opened files' other tokens wait until the returned function is called; `forget` closes the files in "main" first. */
  pauseRows(): (options?: { forget?: boolean }) => void {
    let release = (): void => undefined;
    this.rowsGate = new Promise<void>((resolve) => (release = resolve));
    return ({ forget = false } = {}) => {
      if (forget) this.opened.clear();
      this.rowsGate = null;
      release();
    };
  }

  pauseOpen(): () => void {
    let release = (): void => undefined;
    this.openGate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.openGate = null;
      release();
    };
  }

  private cachedSnapshot(profileId: string): Promise<InventorySnapshot | null> {
    const parts = this.cacheParts.get(profileId);
    if (!parts) return Promise.resolve(null);
    let snapshot = this.sealed.get(parts);
    if (!snapshot) {
      snapshot = buildSnapshot(parts, sha256Hex);
      this.sealed.set(parts, snapshot);
    }
    return snapshot;
  }

  private async resolve(ref: SnapshotRef): Promise<Result<InventorySnapshot, 'offline' | 'not_found' | 'not_signed_in'>> {
    switch (ref.kind) {
      case 'live': {
        if (!this.reachable) return fail(UNREACHABLE);
        if (this.session.status !== 'signedIn') return fail({ code: 'not_signed_in', message: 'Sign in to use the live inventory.' });
        // A live load is a full load: it refreshes the offline copy too.
        const parts = this.snapshotParts();
        this.cacheParts.set(this.session.profile.id, parts);
        return ok(await this.cachedSnapshot(this.session.profile.id) as InventorySnapshot);
      }
      case 'cached': {
        const snapshot = await this.cachedSnapshot(ref.profileId);
        return snapshot
          ? ok(snapshot)
          : fail({ code: 'not_found', message: 'No offline inventory has been saved for this profile yet: load the token list once while connected.' });
      }
      case 'opened': {
        const snapshot = this.opened.get(ref.id);
        return snapshot ? ok(snapshot) : fail({ code: 'not_found', message: 'That inventory file is no longer open: open it again.' });
      }
    }
  }

  callsOf(channel: Channel): unknown[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.arg);
  }

  // As the server: a token breaking the policy is refused on the fields the change touches,
  // reaching the console as `validation` with the rule named in the message and each detail.
  private policyRefusal(token: PolicyCheckedToken, judged = { expiresOn: true, whitelist: true }): IpcError<'validation'> | null {
    const breaches = checkTokenPolicy(token, this.policy, new Date(), TIME_ZONE)
      .filter((breach) => (breach.field === 'expiresOn' ? judged.expiresOn : judged.whitelist));
    if (breaches.length === 0) return null;
    return {
      code: 'validation',
      message: breaches.map((breach) => breach.message).join(' '),
      details: breaches.map((breach) => ({ field: breach.field, message: breach.message })),
    };
  }

  addToken(seed: TokenSeed): IdentificationToken {
    const heldRole = roleById(seed.roleId);
    if (!heldRole) throw new Error(`No role ${seed.roleId}`);
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, '.000Z');
    const expiresOn = seed.expiresOn ?? null;
    const token: IdentificationToken = {
      id: this.nextId++,
      name: seed.name,
      roleId: heldRole.id,
      roleName: heldRole.name,
      permissions: heldRole.modules,
      whitelist: seed.whitelist ?? [],
      expiresOn,
      expiresAt: expiresOn === null ? null : expiryEnd(expiresOn, TIME_ZONE).toISOString(),
      status: tokenStatus(expiresOn, new Date(), TIME_ZONE),
      createdAt: now,
      createdBy: { id: ADMIN.id, name: ADMIN.name },
      updatedAt: now,
      lastUsedAt: seed.lastUsedAt ?? null,
      lastUsedIp: seed.lastUsedIp ?? null,
      secretHint: secretHint(newSecret()),
      version: 1,
      ...(seed.owner === undefined ? {} : { owner: seed.owner }),
      ...(seed.description === undefined ? {} : { description: seed.description }),
    };
    this.tokens.push(token);
    return token;
  }

  private async invoke(channel: Channel, raw: unknown): Promise<unknown> {
    // Electron copies arguments with structured clone: so does the fake.
    const arg = raw === undefined ? undefined : structuredClone(raw);
    this.calls.push({ channel, arg });
    const parsed = ipcContract[channel].arg.safeParse(arg);
    if (!parsed.success) {
      return fail({
        code: 'validation',
        message: `Invalid argument for ${channel}.`,
        details: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
      });
    }
    await this.holds.get(channel);
    if (!this.reachable && SERVER_CHANNELS.has(channel)) return fail(UNREACHABLE);
    const queued = this.failures.get(channel);
    const failure = queued?.shift();
    if (failure) return fail(failure);
    const handler = this.handlers[channel] as (arg: unknown) => Promise<Result<unknown>> | Result<unknown>;
    const answer = await handler(parsed.data);
    if (!answer.ok) return structuredClone(answer);
    // A fake answering outside the contract is a broken test, not a case for the UI to handle.
    return structuredClone(ok(ipcContract[channel].result.parse(answer.value)));
  }

  private clash(name: string, exceptId?: number): boolean {
    const key = tokenNameKey(name);
    return this.tokens.some((t) => t.id !== exceptId && tokenNameKey(t.name) === key);
  }

  private readonly handlers: Handlers = {
    ...roleHandlers(this, ADMIN.rank),
    'profiles.list': () => ok(this.profiles),
    'profiles.save': (input) => {
      const saved: Profile = { ...input, id: input.id ?? `profile-${this.profiles.length + 1}` };
      this.profiles = [...this.profiles.filter((p) => p.id !== saved.id), saved];
      return ok(saved);
    },
    'profiles.remove': ({ id }) => {
      this.profiles = this.profiles.filter((p) => p.id !== id);
      return ok(null);
    },
    'profiles.signingKeys': ({ profileId }) => ok(this.signingKeys.get(profileId) ?? null),
    'profiles.acceptSigningKey': ({ profileId, keyId }) => {
      const recorded = this.signingKeys.get(profileId);
      if (!recorded?.keys.some((key) => key.keyId === keyId)) return fail(wording('not_found'));
      const accepted = { ...recorded, keys: recorded.keys.map((key) => (key.keyId === keyId ? { ...key, trusted: true } : key)) };
      this.signingKeys.set(profileId, accepted);
      return ok(accepted);
    },
    'session.signIn': ({ profileId, password }) => {
      const profile = this.profiles.find((p) => p.id === profileId);
      if (!profile) return fail(wording('not_found'));
      if (password !== PASSWORD) return fail(wording('invalid_credentials'));
      const state = {
        status: 'signedIn' as const,
        profile,
        employee: ADMIN,
        credentialStorage: 'keychain' as const,
        connection: 'online' as const,
      };
      this.session = state;
      return ok(state);
    },
    'session.signOut': () => {
      this.session = { status: 'signedOut', lastProfileId: PROFILE.id, reason: 'signedOut' };
      return ok(this.session);
    },
    'session.state': () => ok(this.session),
    'catalog.modules': () => ok(moduleItems()),
    'roles.list': () => ok(this.roles),
    'settings.org': () => ok(this.org),
    'tokens.list': (arg) => {
      const fetchedAt = new Date().toISOString();
      if (this.session.status === 'signedIn') this.saveOfflineCopy(fetchedAt, this.session.profile.id);
      // Asked in pieces, as main answers: the first rows, then tokens.listRest by offset.
      const firstRows = arg?.firstRows;
      if (firstRows !== undefined && firstRows < this.tokens.length) {
        this.listed = { id: `list-${++this.listCount}`, rows: [...this.tokens] };
        const rest = this.holdsList ? { listId: this.listed.id, held: true as const } : { listId: this.listed.id };
        return ok({ items: this.tokens.slice(0, firstRows), total: this.tokens.length, fetchedAt, rest });
      }
      return ok({ items: this.tokens, total: this.tokens.length, fetchedAt });
    },
    'tokens.listRest': ({ listId, offset }) => {
      if (this.listed?.id !== listId) return fail({ code: 'not_found', message: 'This token list was replaced by a newer one.' });
      const items = this.listed.rows.slice(offset, offset + LIST_CHUNK_ROWS);
      return ok({ items, done: offset + items.length >= this.listed.rows.length, total: this.listed.rows.length });
    },
    'tokens.get': ({ id }) => {
      const token = this.tokens.find((t) => t.id === id);
      return token ? ok(token) : fail(wording('not_found'));
    },
    'tokens.create': (input) => {
      if (this.clash(input.name)) {
        return fail({ code: 'name_taken', message: `A token named "${input.name}" already exists.` });
      }
      const heldRole = roleById(input.roleId);
      if (!heldRole || !canAssignRole(ADMIN.rank, heldRole.rank)) {
        return fail({ code: 'forbidden', message: 'You may not assign this role.' });
      }
      const whitelist = validateWhitelist(input.whitelist ?? []);
      if (!whitelist.ok) {
        return fail({
          code: 'validation',
          message: 'Invalid whitelist.',
          details: whitelist.errors.map((e) => ({ field: `whitelist.${e.index}`, message: e.message })),
        });
      }
      const refused = this.policyRefusal({ expiresOn: input.expiresOn ?? null, whitelist: whitelist.entries });
      if (refused) return fail(refused);
      const secret = newSecret();
      this.issuedSecrets.push(secret);
      const token = this.addToken({
        name: input.name, roleId: input.roleId, whitelist: whitelist.entries, expiresOn: input.expiresOn ?? null,
        ...(input.owner === undefined ? {} : { owner: input.owner }),
        ...(input.description === undefined ? {} : { description: input.description }),
      });
      token.secretHint = secretHint(secret);
      this.secretOwners.set(secret, token.id);
      return ok({ token, secret });
    },
    'tokens.update': ({ id, version, changes }) => {
      const index = this.tokens.findIndex((t) => t.id === id);
      const current = this.tokens[index];
      if (!current) return fail(wording('not_found'));
      if (current.version !== version) return fail(wording('conflict'));
      if (changes.name !== undefined && this.clash(changes.name, id)) {
        return fail({ code: 'name_taken', message: `A token named "${changes.name}" already exists.` });
      }
      const heldRole = roleById(changes.roleId ?? current.roleId);
      if (!heldRole) return fail({ code: 'validation', message: 'Unknown role.', details: [{ field: 'roleId', message: 'Unknown role.' }] });
      const expiresOn = changes.expiresOn === undefined ? current.expiresOn : changes.expiresOn;
      const refused = this.policyRefusal(
        { expiresOn, whitelist: changes.whitelist ?? current.whitelist },
        { expiresOn: changes.expiresOn !== undefined, whitelist: changes.whitelist !== undefined },
      );
      if (refused) return fail(refused);
      const updated: IdentificationToken = {
        ...current,
        name: changes.name ?? current.name,
        roleId: heldRole.id,
        roleName: heldRole.name,
        permissions: heldRole.modules,
        whitelist: changes.whitelist ?? current.whitelist,
        expiresOn,
        expiresAt: expiresOn === null ? null : expiryEnd(expiresOn, TIME_ZONE).toISOString(),
        status: tokenStatus(expiresOn, new Date(), TIME_ZONE),
        version: current.version + 1,
        ...(changes.owner === undefined ? {} : { owner: changes.owner }),
        ...(changes.description === undefined ? {} : { description: changes.description }),
      };
      this.tokens[index] = updated;
      return ok(updated);
    },
    'policy.get': () => ok(this.policy),
    'policy.update': ({ version, rules }) => {
      if (!this.policy.editable) return fail(wording('forbidden'));
      if (version !== this.policy.version) return fail({ code: 'conflict', message: 'Someone else changed the token policy since you opened it. Reload it to see their changes.' });
      this.policy = { ...this.policy, ...rules, version: version + 1, updatedAt: new Date().toISOString(), updatedBy: ADMIN.name };
      return ok(this.policy);
    },
    'tokens.delete': ({ id }) => {
      if (!this.tokens.some((t) => t.id === id)) return fail(wording('not_found'));
      this.tokens = this.tokens.filter((t) => t.id !== id);
      return ok(null);
    },
    'tokens.rotateSecret': ({ id, version, overlapHours }) => {
      const index = this.tokens.findIndex((t) => t.id === id);
      const current = this.tokens[index];
      if (!current) return fail({ code: 'not_found', message: 'No such token.' });
      if (current.version !== version) return fail({ code: 'conflict', message: 'The token changed meanwhile.' });
      const secret = newSecret();
      this.issuedSecrets.push(secret);
      this.secretOwners.set(secret, id);
      const validUntil = new Date(Date.now() + overlapHours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
      const updated: IdentificationToken = {
        ...current,
        secretHint: secretHint(secret),
        previousSecret: overlapHours > 0 ? { hint: current.secretHint, validUntil } : null,
        version: current.version + 1,
      };
      this.tokens[index] = updated;
      return ok({ token: updated, secret });
    },
    'tokens.endOverlap': ({ id, version }) => {
      const index = this.tokens.findIndex((t) => t.id === id);
      const current = this.tokens[index];
      if (!current) return fail({ code: 'not_found', message: 'No such token.' });
      if (current.version !== version) return fail({ code: 'conflict', message: 'The token changed meanwhile.' });
      const updated: IdentificationToken = { ...current, previousSecret: null, version: current.version + 1 };
      this.tokens[index] = updated;
      return ok(updated);
    },
    // One request per token with its own version, as main does.
    'tokens.bulk': async ({ action, items }) => {
      const results: BulkItemResult[] = [];
      for (const item of items) {
        const current = this.tokens.find((t) => t.id === item.id);
        let answer: Result<unknown>;
        if (this.bulkForbidden.has(item.id)) answer = fail(wording('forbidden'));
        else if (!current) answer = fail(wording('not_found'));
        else if (current.version !== item.version) answer = fail(wording('conflict'));
        else if (action.kind === 'delete') answer = await this.handlers['tokens.delete']({ id: item.id });
        else {
          const base = item.expiresOn !== null && item.expiresOn >= today() ? item.expiresOn : today();
          const changes =
            action.kind === 'setExpiry' ? { expiresOn: action.expiresOn } : action.kind === 'extendExpiry' ? { expiresOn: addDays(base, action.days) } : { roleId: action.roleId };
          answer = await this.handlers['tokens.update']({ id: item.id, version: item.version, changes });
        }
        if (answer.ok) results.push({ id: item.id, outcome: 'ok' });
        else {
          const code = answer.error.code;
          const outcome = code === 'conflict' ? 'precondition_failed' : code === 'forbidden' || code === 'not_found' ? code : 'failed';
          results.push({ id: item.id, outcome, message: answer.error.message });
        }
      }
      return ok({ results });
    },
    'reminders.status': () => ok(this.reminderStatus),
    'leaks.check': ({ text }) =>
      ok({
        findings: findSecrets(text).map((found) => {
          if (!found.wellFormed) return { hint: found.hint, status: 'malformed' as const };
          const token = this.tokens.find((t) => t.id === this.secretOwners.get(found.secret));
          return token ? { hint: found.hint, status: 'current' as const, token } : { hint: found.hint, status: 'unknown' as const };
        }),
      }),
    'audit.list': ({ tokenId }) => ok({ items: this.audit.filter((e) => tokenId === undefined || e.tokenId === tokenId), nextCursor: null }),
    'auditLog.page': ({ filter, cursor, limit }) => {
      const same = (a: string | null, b: string | undefined) => b === undefined || (a ?? '').toLowerCase() === b.toLowerCase();
      const matching = this.audit.filter((e) =>
        (filter.action === undefined || e.action === filter.action) && same(e.actor.name, filter.actor) && same(e.tokenName, filter.tokenName) &&
        (filter.ip === undefined || e.ip === filter.ip) && (filter.from === undefined || e.at.slice(0, 10) >= filter.from) &&
        (filter.to === undefined || e.at.slice(0, 10) <= filter.to));
      const start = cursor === undefined ? 0 : Number(cursor);
      const end = start + limit;
      return ok({ items: matching.slice(start, end), nextCursor: end < matching.length ? String(end) : null, cachedAt: this.auditCachedAt });
    },
    'auditLog.refusals': ({ window }) =>
      ok(this.refusalGroups ?? { window, since: '2026-12-01T00:00:00.000Z', byToken: [], byAddress: [] }),
    'auditLog.export': ({ filter }) => {
      const filePath = this.saveDialog.shift() ?? null;
      const count = this.audit.filter((e) => filter.action === undefined || e.action === filter.action).length;
      if (filePath !== null) this.files.set(filePath, `audit:${JSON.stringify(filter)}`);
      return ok({ filePath, count, cachedAt: this.auditCachedAt });
    },
    'usage.token': ({ id }) =>
      ok(this.usage.get(id) ?? { tokenId: id, from: '2026-11-03', to: '2026-12-02', days: [], addresses: [], asOf: '2026-12-02T10:00:00.000Z' }),
    'usage.totals': () =>
      ok({ from: '2026-11-03', to: '2026-12-02', items: [...this.usage.values()].map((u) => ({ tokenId: u.tokenId, requests: u.days.reduce((sum, d) => sum + d.accepted + d.refused, 0) })) }),
    'clipboard.copySecret': ({ secret }) => {
      this.clipboard.push(secret);
      return ok({ clearsInSeconds: this.settings.clipboardClearSeconds, historyExcluded: this.clipboardHistoryExcluded });
    },
    'inventory.cachedInfo': async ({ profileId }) => {
      const snapshot = await this.cachedSnapshot(profileId);
      return ok(snapshot ? snapshotInfo(snapshot) : null);
    },
    'inventory.cached': async ({ profileId }) => {
      const snapshot = await this.cachedSnapshot(profileId);
      if (snapshot === null) return ok(null);
      this.copiesHandedOut += 1;
      const id = `copy-${this.copiesHandedOut}`;
      this.inPieces.set(id, snapshot);
      return ok({ id, snapshot: { ...snapshot, tokens: snapshot.tokens.slice(0, FIRST_ROWS) }, tokenCount: snapshot.tokens.length });
    },
    'inventory.open': async () => {
      const text = this.openDialog.shift() ?? null;
      if (text === null) return ok(null);
      this.emit('inventory.openProgress', { step: 'reading', done: 0, total: 0 });
      const parsed = await parseSnapshotText(text, sha256Hex, { onProgress: ({ done, total }) => this.emit('inventory.openProgress', { step: 'checking', done, total }) });
      if (this.openGate) await this.openGate;
      if (!parsed.ok) return fail({ code: 'validation', message: parsed.message });
      const signature = this.signatureOf(parsed.snapshot);
      if ('code' in signature) return fail(signature);
      this.openedCount += 1;
      const id = `file-${this.openedCount}`;
      this.opened.set(id, parsed.snapshot);
      const { tokens } = parsed.snapshot;
      return ok({ id, fileName: `inventory-${this.openedCount}.json`, snapshot: { ...parsed.snapshot, tokens: tokens.slice(0, FIRST_ROWS) }, tokenCount: tokens.length, signature });
    },
    'inventory.rows': async ({ id, offset }) => {
      if (this.rowsGate) await this.rowsGate;
      const snapshot = this.opened.get(id) ?? this.inPieces.get(id);
      if (!snapshot) return fail({ code: 'not_found', message: 'That inventory file is no longer open: open it again.' });
      const items = snapshot.tokens.slice(offset, offset + LIST_CHUNK_ROWS);
      return ok({ items, done: offset + items.length >= snapshot.tokens.length });
    },
    'inventory.close': ({ id }) => {
      this.opened.delete(id);
      return ok(null);
    },
    'inventory.export': async ({ source, format }) => {
      const resolved = await this.resolve(source);
      if (!resolved.ok) return resolved;
      const filePath = this.saveDialog.shift() ?? null;
      if (filePath === null) return ok({ filePath: null });
      const snapshot = resolved.value;
      const total = snapshot.tokens.length;
      const size = this.exportChunkSize;
      const chunks = format === 'csv' ? csvChunks(snapshot, new Date(), size) : snapshotJsonChunks(snapshot, size);
      this.emit('inventory.exportProgress', { format, done: 0, total });
      let text = '';
      let written = 0;
      for (const chunk of chunks) {
        text += chunk;
        written += 1;
        this.emit('inventory.exportProgress', { format, done: Math.min(total, written * size), total });
        if (this.exportGate) await this.exportGate;
      }
      this.files.set(filePath, text);
      return ok(format === 'json' && this.exportSignature ? { filePath, signature: this.exportSignature } : { filePath });
    },
    'inventory.compare': async ({ left, right }) => {
      const before = await this.resolve(left);
      if (!before.ok) return before;
      const after = await this.resolve(right);
      if (!after.ok) return after;
      return ok({ left: snapshotInfo(before.value), right: snapshotInfo(after.value), diff: diffInventories(before.value, after.value) });
    },
    'settings.get': () => ok(this.settings),
    'settings.set': (patch) => {
      this.settings = { ...this.settings, ...patch };
      return ok(this.settings);
    },
  };
}

/** A small inventory covering each column's cases. */
export function seededFake(options: { signedIn?: boolean } = {}): FakeWifox {
  const fake = new FakeWifox(options);
  fake.addToken({
    name: 'NewIdentForTest',
    roleId: 4,
    whitelist: ['192.168.31.0/24', '203.0.113.45'],
    expiresOn: addDays(today(), 3),
    lastUsedAt: '2025-01-02T10:30:00.000Z',
    lastUsedIp: '203.0.113.45',
  });
  fake.addToken({ name: 'BackendAutomation', roleId: 3 });
  fake.addToken({ name: 'WebhookListener', roleId: 5, whitelist: ['198.51.100.7'], expiresOn: addDays(today(), -2) });
  fake.addToken({ name: 'ReportingScript', roleId: 1, expiresOn: addDays(today(), 60) });
  return fake;
}
