import { z } from 'zod';
import { tokenStatusSchema } from '../../../shared/api/tokens';
import { reviewFlagSchema } from '../../../shared/domain';

// Review is on by default (a reviewer switches it off, not on); the others start hidden.
export const OPTIONAL_COLUMNS = ['role', 'owner', 'lastUsed', 'created', 'review', 'requests'] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

// requests: accepted + refused requests of the last 30 days, counted by the server.
export const LIST_SORT_FIELDS = ['name', 'expiresOn', 'lastUsedAt', 'requests'] as const;
export type ListSortField = (typeof LIST_SORT_FIELDS)[number];

// What the user chose on the token list; kept per window session so a reload restores it.
export const listPrefsSchema = z.object({
  search: z.string().max(200).default(''),
  status: tokenStatusSchema.nullable().default(null),
  roleId: z.number().int().positive().nullable().default(null),
  reviewFlag: reviewFlagSchema.nullable().default(null),
  // Set by the expiry notification when its horizon is not the 7 days of "Expiring soon":
  // tokens whose last day falls within that many days. Replaces the status filter while set.
  expiresWithinDays: z.number().int().positive().max(366).nullable().default(null),
  sort: z.enum(LIST_SORT_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  columns: z.array(z.enum(OPTIONAL_COLUMNS)).default(['review']),
});
export type ListPrefs = z.infer<typeof listPrefsSchema>;

export const DEFAULT_LIST_PREFS: ListPrefs = listPrefsSchema.parse({});

// Each list keeps its own choices: the live token list, and the inventory review page.
export const TOKEN_LIST_PREFS_KEY = 'wifox.tokenList.prefs';

export function loadListPrefs(storage: Storage = sessionStorage, key: string = TOKEN_LIST_PREFS_KEY): ListPrefs {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return DEFAULT_LIST_PREFS;
    const parsed = listPrefsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_LIST_PREFS;
  } catch {
    return DEFAULT_LIST_PREFS;
  }
}

export function saveListPrefs(prefs: ListPrefs, storage: Storage = sessionStorage, key: string = TOKEN_LIST_PREFS_KEY): void {
  try {
    storage.setItem(key, JSON.stringify(prefs));
  } catch {
    // A full or disabled storage only costs the user their list choices after a reload.
  }
}
