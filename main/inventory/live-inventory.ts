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
export type FullLoadListener = (profile: Profile, load: FullInventoryLoad) => void | Promise<unknown>;

/*
 * Turns every complete token list the TokenService loads into a full inventory load: the
 * tokens plus the module catalog, the roles with their rights, the organisation's time zone
 * and who loaded it. Listeners (the snapshot cache) hear about each one; `current()` asks for
 * a fresh load and reuses the very object the listeners got, so nothing is fetched twice.
 */
export class LiveInventory {
  private readonly listeners = new Set<FullLoadListener>();
  private readonly completed = new WeakMap<TokenListResult, Promise<LoadedInventory>>();
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
      const loaded = this.complete(profileId, inventory);
      this.completed.set(inventory, loaded);
      void loaded.then(
        (result) => this.notify(result),
        (error: unknown) => this.logger.warn('could not complete the inventory for the offline copy', { reason: reasonOf(error) }),
      );
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
    if (known) return known;
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

  private notify({ profile, load }: LoadedInventory): void {
    for (const listener of this.listeners) {
      try {
        void Promise.resolve(listener(profile, load)).catch((error: unknown) =>
          this.logger.warn('an inventory listener failed', { reason: reasonOf(error) }),
        );
      } catch (error) {
        this.logger.warn('an inventory listener failed', { reason: reasonOf(error) });
      }
    }
  }
}

// Error class and code only: messages of file errors carry file names.
const reasonOf = (error: unknown): string =>
  error instanceof AppError ? error.code : error instanceof Error ? error.name : typeof error;
