import { extname } from 'node:path';
import type { AuditEvent, RefusalGroups, RefusalWindow } from '../../shared/api/audit';
import { todayIn } from '../../shared/domain/expiry';
import type { AuditFilter, AuditPageArg, AuditPageResult } from '../../shared/ipc/audit-contract';
import { UNREACHABLE_CODES } from '../../shared/ipc/errors';
import { AppError, isAppError } from '../errors';
import { writeFileAtomic } from '../inventory/atomic-write';
import type { InventoryDialogPort } from '../inventory/dialog-port';
import { fileError } from '../inventory/file-errors';
import { type Logger, silentLogger } from '../ports';
import type { CatalogService } from '../services/catalog-service';
import type { SessionService } from '../services/session-service';
import { AuditCache, type AuditCacheFile } from './audit-cache';
import { auditCsvChunks } from './audit-csv';

// The offline window: the newest events, at most this many and this old.
export const CACHED_EVENTS = 1_000;
export const CACHED_DAYS = 7;
// An export reads the server page by page; beyond this it stops and says so in the count.
export const MAX_EXPORT_EVENTS = 100_000;
const PAGE = 500;

export type AuditLogDeps = {
  session: SessionService;
  catalog: CatalogService;
  userDataDir: string;
  dialogs?: InventoryDialogPort;
  logger?: Logger;
  now?: () => Date;
};

const unreachable = (error: unknown) => isAppError(error) && UNREACHABLE_CODES.has(error.code);

/** Offline, the cached window is filtered here as the server filters (days of the org's zone). */
export function matchesFilter(event: AuditEvent, filter: AuditFilter, timeZone: string): boolean {
  const same = (a: string | null | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
  if (filter.action !== undefined && event.action !== filter.action) return false;
  if (filter.actor !== undefined && !same(event.actor.name, filter.actor)) return false;
  if (filter.tokenName !== undefined && !same(event.tokenName, filter.tokenName)) return false;
  if (filter.ip !== undefined && event.ip !== filter.ip) return false;
  const day = todayIn(timeZone, new Date(event.at));
  if (filter.from !== undefined && day < filter.from) return false;
  if (filter.to !== undefined && day > filter.to) return false;
  return true;
}

/**
 * Security → Audit log, in main: pages from the server, and a window of recent events kept on
 * disk per profile, refreshed after each live visit, which answers when the server cannot be
 * reached (marked with when it was taken).
 */
export class AuditLogService {
  private readonly cache: AuditCache;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly deps: AuditLogDeps) {
    this.cache = new AuditCache(deps.userDataDir);
    this.logger = deps.logger ?? silentLogger;
    this.now = deps.now ?? (() => new Date());
  }

  async page(arg: AuditPageArg): Promise<AuditPageResult> {
    try {
      const page = await this.deps.session.client().auditEvents({ ...arg.filter, limit: arg.limit, ...(arg.cursor ? { cursor: arg.cursor } : {}) });
      if (arg.cursor === undefined) this.refreshSoon();
      return { items: page.items, nextCursor: page.nextCursor, cachedAt: null };
    } catch (error) {
      const cached = unreachable(error) ? await this.cached() : null;
      if (!cached) throw error;
      // The window is small: one page holds all of it.
      return { items: cached.events.filter((event) => matchesFilter(event, arg.filter, cached.timeZone)), nextCursor: null, cachedAt: cached.takenAt };
    }
  }

  refusals(window: RefusalWindow): Promise<RefusalGroups> {
    return this.deps.session.client().auditRefusals(window);
  }

  async exportWithDialog(filter: AuditFilter): Promise<{ filePath: string | null; count: number; cachedAt: string | null }> {
    const { events, timeZone, cachedAt } = await this.matching(filter);
    const chosen = await this.dialogs().chooseSavePath({
      title: 'Export audit events as CSV',
      defaultPath: `wifox-audit-${todayIn(timeZone, this.now())}.csv`,
      filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }],
    });
    if (chosen === null) return { filePath: null, count: events.length, cachedAt };
    // Some Linux save dialogs do not add the extension of the chosen filter.
    const filePath = extname(chosen) === '' ? `${chosen}.csv` : chosen;
    try {
      await writeFileAtomic(filePath, auditCsvChunks(events, timeZone), { mode: 0o644 });
    } catch (error) {
      throw fileError(error, 'write', filePath);
    }
    return { filePath, count: events.length, cachedAt };
  }

  /** Resolves once the cached window has been rewritten after the last live visit. */
  whenCached(): Promise<void> {
    return this.refreshing ?? Promise.resolve();
  }

  private async matching(filter: AuditFilter): Promise<{ events: AuditEvent[]; timeZone: string; cachedAt: string | null }> {
    try {
      const { timeZone } = await this.deps.catalog.organisation();
      const events: AuditEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.deps.session.client().auditEvents({ ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) });
        events.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined && events.length < MAX_EXPORT_EVENTS);
      return { events, timeZone, cachedAt: null };
    } catch (error) {
      const cached = unreachable(error) ? await this.cached() : null;
      if (!cached) throw error;
      return { events: cached.events.filter((event) => matchesFilter(event, filter, cached.timeZone)), timeZone: cached.timeZone, cachedAt: cached.takenAt };
    }
  }

  private async cached(): Promise<AuditCacheFile | null> {
    const state = await this.deps.session.state();
    if (state.status === 'signedOut') return null;
    return this.cache.read(state.profile.id, state.profile.baseUrl);
  }

  private refreshSoon(): void {
    this.refreshing ??= this.refresh()
      .catch((error: unknown) => this.logger.warn('audit cache not refreshed', { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        this.refreshing = null;
      });
  }

  private async refresh(): Promise<void> {
    const state = await this.deps.session.state();
    if (state.status !== 'signedIn') return;
    const client = this.deps.session.client();
    const takenAt = this.now();
    const since = new Date(takenAt.getTime() - CACHED_DAYS * 86_400_000).toISOString();
    const { timeZone } = await this.deps.catalog.organisation();
    const events: AuditEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.auditEvents({ limit: PAGE, ...(cursor ? { cursor } : {}) });
      events.push(...page.items.filter((event) => event.at >= since));
      const last = page.items[page.items.length - 1];
      cursor = last && last.at >= since ? (page.nextCursor ?? undefined) : undefined;
    } while (cursor !== undefined && events.length < CACHED_EVENTS);
    await this.cache.write(state.profile.id, {
      baseUrl: state.profile.baseUrl,
      takenAt: takenAt.toISOString(),
      timeZone,
      events: events.slice(0, CACHED_EVENTS),
    });
  }

  private dialogs(): InventoryDialogPort {
    if (!this.deps.dialogs) throw new AppError('internal', 'This console has no file dialogs.');
    return this.deps.dialogs;
  }
}
