import type { TokenListResult } from '../../shared/ipc/contract';
import type { Profile } from '../../shared/ipc/schemas';
import { AppError } from '../errors';
import { type Logger, silentLogger } from '../ports';
import type { CatalogService } from '../services/catalog-service';
import type { SessionService } from '../services/session-service';
import type { TokenService } from '../services/token-service';
import type { FullInventoryLoad } from './inventory-service';

export type LiveInventorySources = {
  session: Pick<SessionService, 'state'>;
  tokens: Pick<TokenService, 'list' | 'onInventory'>;
  catalog: Pick<CatalogService, 'modules' | 'roles' | 'organisation'>;
};

export type LoadedInventory = { profile: Profile; load: FullInventoryLoad };
/**
 * A complete token list of `profileId`, to become a full load: `loaded` asks for the catalog the
 * first time it is called (once), so a load nobody completes (a newer one replaced it before its
 * copy was written) costs the server nothing more.
 */
export type PendingLoad = { profileId: string; tokenCount: number; loaded: () => Promise<LoadedInventory> };
export type FullLoadListener = (pending: PendingLoad) => void;

/*
 * Turns every complete token list the TokenService loads into a full inventory load: the
 * tokens plus the module catalog, the roles with their rights, the organisation's time zone
 * and who loaded it. Listeners (the offline copy's writer) hear about each one as a pending
 * load; `current()` asks for a fresh load and completes the very pending load the listeners
 * got, so nothing is fetched twice.
 */
export class LiveInventory {
  private readonly listeners = new Set<FullLoadListener>();
  private readonly completed = new WeakMap<TokenListResult, () => Promise<LoadedInventory>>();
  private readonly logger: Logger;

  constructor(
    private readonly sources: LiveInventorySources,
    logger: Logger = silentLogger,
  ) {
    this.logger = logger;
    sources.tokens.onInventory((profileId, inventory, changed) => {
      // A sync that found nothing new leaves the offline copy as it is: sealing and writing
      // 10,000 tokens again at every window focus would only move its time on.
      if (!changed) return;
      const loaded = once(() => this.complete(profileId, inventory));
      this.completed.set(inventory, loaded);
      this.notify({ profileId, tokenCount: inventory.items.length, loaded });
    });
  }

  onFullLoad(listener: FullLoadListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A fresh full load of the signed-in profile. */
  async current(): Promise<LoadedInventory> {
    const inventory = await this.sources.tokens.list();
    const known = this.completed.get(inventory);
    if (known) return known();
    const state = await this.sources.session.state();
    if (state.status !== 'signedIn') throw new AppError('not_signed_in', 'Sign in to use the live inventory.');
    return this.complete(state.profile.id, inventory);
  }

  private async complete(profileId: string, inventory: TokenListResult): Promise<LoadedInventory> {
    const [modules, roles, organisation] = await Promise.all([
      this.sources.catalog.modules(),
      this.sources.catalog.roles(),
      this.sources.catalog.organisation(),
    ]);
    // Asked after the catalog calls: a profile switch meanwhile would mix two organisations.
    const state = await this.sources.session.state();
    if (state.status !== 'signedIn' || state.profile.id !== profileId) {
      throw new AppError('not_signed_in', 'The session changed while the inventory was loading.');
    }
    const { id, name, email } = state.employee;
    return {
      profile: state.profile,
      load: {
        tokens: inventory.items,
        fetchedAt: inventory.fetchedAt,
        changeCursor: inventory.changeCursor,
        modules,
        roles,
        timeZone: organisation.timeZone,
        takenBy: { id, name, email },
      },
    };
  }

  private notify(pending: PendingLoad): void {
    for (const listener of this.listeners) {
      try {
        listener(pending);
      } catch (error) {
        this.logger.warn('an inventory listener failed', { reason: reasonOf(error) });
      }
    }
  }
}

/** `make`'s promise, made at the first call and shared by every later one. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
}

// Error class and code only: messages of file errors carry file names.
const reasonOf = (error: unknown): string =>
  error instanceof AppError ? error.code : error instanceof Error ? error.name : typeof error;
