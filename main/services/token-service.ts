import type { AuditListResponse } from '../../shared/api/audit';
import {
  MAX_PAGE_SIZE,
  type CreateTokenRequest,
  type CreateTokenResponse,
  type IdentificationToken,
  type UpdateTokenRequest,
} from '../../shared/api/tokens';
import type { TokenListResult } from '../../shared/ipc/contract';
import { MAX_FIRST_ROWS, type TokenListChunk } from '../../shared/ipc/token-list-contract';
import type { AuditEventsQuery } from '../api/wifox-client';
import { AppError, isAppError } from '../errors';
import type { SessionService } from './session-service';
import { ListVersions } from './list-versions';
import { TokenListStream } from './token-list-stream';

/** `changed`: false when a sync found nothing new since the last answer (the same tokens, a later time). */
export type InventoryListener = (profileId: string, inventory: TokenListResult, changed: boolean) => void;

// The server's 404 names an id; the admin needs to hear that the token itself is gone.
const TOKEN_GONE = 'This token no longer exists: someone may have deleted it.';
const aboutToken = async <T>(call: Promise<T>): Promise<T> => {
  try {
    return await call;
  } catch (error) {
    throw isAppError(error, 'not_found') ? new AppError('not_found', TOKEN_GONE) : error;
  }
};

/** What the console knew at its last full or delta load: where a sync can start from. */
export type KnownInventory = { tokens: readonly IdentificationToken[]; changeCursor: string; fetchedAt: string };
export type KnownInventorySource = (profileId: string) => Promise<KnownInventory | null>;

type Options = { pageSize?: number; now?: () => Date; known?: KnownInventorySource };
// Rows of one server page as they arrive, with the server's count when it gave one.
type OnPage = (rows: readonly IdentificationToken[], total: number | null) => void;
// `items`: byId's tokens as last answered, kept so a sync that finds nothing new answers them again.
type Mirror = { profileId: string; byId: Map<number, IdentificationToken>; changeCursor: string; items: IdentificationToken[] };
type Synced = { inventory: TokenListResult; changed: boolean };

// Answers that say "this cursor cannot be used": list everything again.
const CURSOR_REFUSED = new Set(['cursor_expired', 'validation_failed']);

export class TokenService {
  private readonly listeners = new Set<InventoryListener>();
  private readonly pageSize: number;
  private readonly now: () => Date;
  private readonly known: KnownInventorySource | undefined;
  // The last complete inventory of the signed-in profile and its change cursor.
  private mirror: Mirror | null = null;
  // The list the renderer is reading in pieces (listFirst, listRest).
  private stream: TokenListStream | null = null;
  // The sync under way, if any (see sync).
  private syncing: Promise<unknown> = Promise.resolve();
  // What changed between the lists answered, for windows holding an earlier one (listChanges).
  private readonly versions = new ListVersions();

  constructor(
    private readonly session: SessionService,
    options: Options = {},
  ) {
    this.pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    this.now = options.now ?? (() => new Date());
    this.known = options.known;
  }

  // Told about every complete, unfiltered inventory (the offline snapshot cache and the reminders listen here).
  onInventory(listener: InventoryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The whole inventory. Unfiltered, it starts from what is already known (this session's
   * last load, or the offline copy at launch) and asks the server only what changed since;
   * `full` (Refresh), no known inventory or an expired cursor list every token again.
   */
  async list(arg: { full?: boolean; search?: string } = {}, onPage?: OnPage): Promise<TokenListResult> {
    const { full, ...filter } = arg;
    const profileId = this.session.activeProfileId();
    const complete = filter.search === undefined;
    if (!complete || profileId === null) return this.fetchAll(filter, onPage);
    const synced = full ? null : await this.sync(profileId);
    const inventory = synced?.inventory ?? (await this.fullLoad(profileId, onPage));
    const changed = synced?.changed ?? true;
    for (const listener of this.listeners) listener(profileId, inventory, changed);
    return inventory;
  }

  /**
   * The whole inventory as `list` syncs it, sent as what changed since the list `since` names
   * (`delta`) when main can tell, else whole.
   */
  async listChanges(since: string): Promise<TokenListResult> {
    const inventory = await this.list();
    const changes = this.versions.since(since);
    const byId = this.mirror?.byId;
    if (changes === null || byId === undefined || inventory.listVersion === undefined) return inventory;
    const items: IdentificationToken[] = [];
    for (const id of changes.changed) {
      const token = byId.get(id);
      if (token) items.push(token);
    }
    const removedIds = [...changes.removed].filter((id) => !byId.has(id));
    return { ...inventory, items, delta: { removedIds } };
  }

  /**
   * The whole inventory as `list` loads it, answered as soon as its first `firstRows` rows are
   * known; the others are read with `listRest` while loading goes on. Each call replaces the
   * list before it.
   */
  async listFirst(arg: { full?: boolean }, firstRows: number): Promise<TokenListResult> {
    const stream = new TokenListStream();
    this.stream = stream;
    const fetchedAt = this.now().toISOString();
    const whole = this.list(arg, (rows, total) => stream.add(rows, total)).then(
      (inventory) => stream.finish(inventory.items, inventory.listVersion),
      (error: unknown) => stream.fail(error),
    );
    await Promise.race([stream.until(firstRows), whole]);
    await stream.until(Math.min(firstRows, 1));
    // A list main already holds whole (a sync) goes in one answer when it fits one: a second
    // round trip and a second render of the list cost more than the rows.
    const items = stream.firstRows(stream.complete && stream.length <= MAX_FIRST_ROWS ? stream.length : firstRows);
    const more = !stream.complete || stream.length > items.length;
    const version = stream.listVersion;
    const rest = stream.complete ? { listId: stream.id, held: true as const } : { listId: stream.id };
    return { items, total: stream.knownTotal, fetchedAt, ...(more ? { rest } : version === undefined ? {} : { listVersion: version }) };
  }

  /** Rows of the list `listFirst` answered, from `offset` on. */
  listRest(listId: string, offset: number): Promise<TokenListChunk> {
    if (this.stream?.id !== listId) throw new AppError('not_found', 'This token list was replaced by a newer one.');
    return this.stream.read(offset);
  }

  private async fullLoad(profileId: string, onPage?: OnPage): Promise<TokenListResult> {
    const inventory = await this.fetchAll({}, onPage);
    this.versions.restart();
    if (inventory.changeCursor === undefined) return inventory;
    this.mirror = { profileId, byId: new Map(inventory.items.map((item) => [item.id, item])), changeCursor: inventory.changeCursor, items: inventory.items };
    return { ...inventory, listVersion: this.versions.current() };
  }

  // One sync at a time: each applies the server's changes to the mirror in place (copying a map
  // of 100,000 tokens costs more than the rest of a sync), so two must not interleave. A sync
  // queued behind another starts from where that one left the mirror.
  private sync(profileId: string): Promise<Synced | null> {
    const run = this.syncing.then(() => this.syncOnce(profileId));
    this.syncing = run.catch(() => undefined);
    return run;
  }

  // Null when there is nothing to start from, or the server refuses the cursor.
  private async syncOnce(profileId: string): Promise<Synced | null> {
    const mirror = await this.startingPoint(profileId);
    if (!mirror) return null;
    const client = this.session.client();
    const fetchedAt = this.now().toISOString();
    const query = { changedSince: mirror.changeCursor, pageSize: this.pageSize };
    const { byId } = mirror;
    let changeCursor: string | undefined;
    const changedIds: number[] = [];
    const removedIds: number[] = [];
    try {
      let page = await client.listTokens(query);
      for (;;) {
        changeCursor ??= page.changeCursor;
        // Deletions first: a new token may reuse a deleted id.
        for (const id of page.deletedIds) byId.delete(id);
        for (const item of page.items) byId.set(item.id, item);
        removedIds.push(...page.deletedIds);
        for (const item of page.items) changedIds.push(item.id);
        if (page.nextCursor === null) break;
        page = await client.listTokens({ ...query, cursor: page.nextCursor });
      }
      if (this.session.activeProfileId() !== profileId) throw new AppError('not_signed_in', 'The session changed while the token list was loading.');
    } catch (error) {
      // The changes applied before the failure are each a token's current state or its
      // deletion: the next sync, from the same cursor, reads them again (and so lists the map
      // anew) and lands on the same map.
      if (isAppError(error) && error.serverCode !== undefined && CURSOR_REFUSED.has(error.serverCode)) return null;
      throw error;
    }
    const changed = changedIds.length + removedIds.length > 0;
    const items = changed ? [...byId.values()] : mirror.items;
    if (changed) this.versions.record(changedIds, removedIds);
    this.mirror = { profileId, byId, changeCursor: changeCursor ?? mirror.changeCursor, items };
    return { inventory: { items, total: items.length, fetchedAt, changeCursor: this.mirror.changeCursor, listVersion: this.versions.current() }, changed };
  }

  private async startingPoint(profileId: string): Promise<Mirror | null> {
    if (this.mirror?.profileId === profileId) return this.mirror;
    const known = await this.known?.(profileId).catch(() => null);
    if (!known) return null;
    // The saved copy starts a new series: no window holds a version of it.
    this.versions.restart();
    return { profileId, byId: new Map(known.tokens.map((token) => [token.id, token])), changeCursor: known.changeCursor, items: [...known.tokens] };
  }

  // Every page, following the server's cursors. Each page is one indexed read on the server,
  // however far in; the first page's changeCursor covers every change made while paging.
  private async fetchAll(filter: { search?: string }, onPage?: OnPage): Promise<TokenListResult> {
    const client = this.session.client();
    const query = { ...filter, sort: 'name' as const, order: 'asc' as const, pageSize: this.pageSize };
    const fetchedAt = this.now().toISOString();
    // Tokens renamed while paging move in the order; an id is kept once.
    const byId = new Map<number, IdentificationToken>();
    let page = await client.listTokens(query);
    const changeCursor = page.changeCursor;
    onPage?.(page.items, page.total);
    for (;;) {
      for (const item of page.items) byId.set(item.id, item);
      if (page.nextCursor === null) break;
      page = await client.listTokens({ ...query, cursor: page.nextCursor });
      onPage?.(page.items, null);
    }
    const items = [...byId.values()];
    return { items, total: items.length, fetchedAt, changeCursor };
  }

  get(id: number): Promise<IdentificationToken> {
    return aboutToken(this.session.client().getToken(id));
  }

  // The secret passes through to the caller and is kept nowhere.
  async create(request: CreateTokenRequest): Promise<CreateTokenResponse> {
    const client = this.session.client();
    try {
      return await client.createToken(request);
    } catch (error) {
      if (!isAppError(error, 'timeout') && !isAppError(error, 'offline')) throw error;
      throw (await this.reconcileCreate(request.name)) ?? error;
    }
  }

  // A create whose answer was lost may still have happened. Sending it again would make a
  // duplicate or a confusing name_taken, so the list decides: a token with that exact name now
  // means it was created, and its secret (sent only in the lost answer) is gone for good.
  private async reconcileCreate(rawName: string): Promise<AppError | null> {
    const name = rawName.normalize('NFC').trim();
    let found: IdentificationToken | undefined;
    try {
      found = (await this.list({ search: name })).items.find((token) => token.name === name);
    } catch {
      return null;
    }
    if (!found) return null;
    return new AppError(
      'name_taken',
      `The token "${name}" was created, but the server's answer was lost, so its secret cannot be shown. Delete "${name}" and create it again to get a new secret.`,
    );
  }

  // Sends only the fields that were given, with the version the edit started from.
  async update(id: number, version: number, changes: UpdateTokenRequest): Promise<IdentificationToken> {
    const sent = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as UpdateTokenRequest;
    if (Object.keys(sent).length === 0) return this.get(id);
    return aboutToken(this.session.client().updateToken(id, version, sent));
  }

  // The new secret passes through to the caller and is kept nowhere, as on create.
  rotateSecret(id: number, version: number, overlapHours: number): Promise<CreateTokenResponse> {
    return this.session.client().rotateSecret(id, version, overlapHours);
  }

  endOverlap(id: number, version: number): Promise<IdentificationToken> {
    return this.session.client().endOverlap(id, version);
  }

  delete(id: number): Promise<void> {
    return aboutToken(this.session.client().deleteToken(id));
  }

  // Only the version the admin saw: a token changed since is kept (`conflict`).
  deleteVersion(id: number, version: number): Promise<void> {
    return aboutToken(this.session.client().deleteToken(id, version));
  }

  audit(query: AuditEventsQuery): Promise<AuditListResponse> {
    return this.session.client().auditEvents(query);
  }
}
