import type { AuditListResponse } from '../../shared/api/audit';
import {
  MAX_PAGE_SIZE,
  type CreateTokenRequest,
  type CreateTokenResponse,
  type IdentificationToken,
  type UpdateTokenRequest,
} from '../../shared/api/tokens';
import type { TokenListArg, TokenListResult } from '../../shared/ipc/contract';
import type { AuditEventsQuery } from '../api/wifox-client';
import { AppError, isAppError } from '../errors';
import type { SessionService } from './session-service';

export type InventoryListener = (profileId: string, inventory: TokenListResult) => void;

type Options = { pageSize?: number; concurrency?: number; now?: () => Date };

export class TokenService {
  private readonly listeners = new Set<InventoryListener>();
  private readonly pageSize: number;
  private readonly concurrency: number;
  private readonly now: () => Date;

  constructor(
    private readonly session: SessionService,
    options: Options = {},
  ) {
    this.pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.now = options.now ?? (() => new Date());
  }

  // Told about every complete, unfiltered inventory (the offline snapshot cache listens here).
  onInventory(listener: InventoryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Every page: the list view filters and sorts the whole inventory locally.
  async list(filter: TokenListArg = {}): Promise<TokenListResult> {
    const client = this.session.client();
    const profileId = this.session.activeProfileId();
    const query = { ...filter, sort: 'name' as const, order: 'asc' as const, pageSize: this.pageSize };
    const fetchedAt = this.now().toISOString();
    const first = await client.listTokens({ ...query, page: 1 });
    const pageCount = Math.ceil(first.total / this.pageSize);
    const pages: IdentificationToken[][] = [first.items];
    let next = 2;
    const worker = async (): Promise<void> => {
      while (next <= pageCount) {
        const page = next++;
        pages[page - 1] = (await client.listTokens({ ...query, page })).items;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, Math.max(0, pageCount - 1)) }, worker));
    // Tokens created or deleted while paging shift the pages; an id is kept once.
    const byId = new Map<number, IdentificationToken>();
    for (const item of pages.flat()) byId.set(item.id, item);
    const items = [...byId.values()];
    const inventory: TokenListResult = { items, total: items.length, fetchedAt };
    const complete = filter.search === undefined && filter.status === undefined && filter.roleId === undefined;
    if (complete && profileId !== null) for (const listener of this.listeners) listener(profileId, inventory);
    return inventory;
  }

  get(id: number): Promise<IdentificationToken> {
    return this.session.client().getToken(id);
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
    return this.session.client().updateToken(id, version, sent);
  }

  // The new secret passes through to the caller and is kept nowhere, as on create.
  rotateSecret(id: number, version: number, overlapHours: number): Promise<CreateTokenResponse> {
    return this.session.client().rotateSecret(id, version, overlapHours);
  }

  endOverlap(id: number, version: number): Promise<IdentificationToken> {
    return this.session.client().endOverlap(id, version);
  }

  delete(id: number): Promise<void> {
    return this.session.client().deleteToken(id);
  }

  audit(query: AuditEventsQuery): Promise<AuditListResponse> {
    return this.session.client().auditEvents(query);
  }
}
