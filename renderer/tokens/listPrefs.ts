import { z } from 'zod';
import { tokenStatusSchema } from '../../shared/api/tokens';

export const OPTIONAL_COLUMNS = ['role', 'lastUsed', 'created'] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

export const LIST_SORT_FIELDS = ['name', 'expiresOn', 'lastUsedAt'] as const;
export type ListSortField = (typeof LIST_SORT_FIELDS)[number];

// What the user chose on the token list; kept per window session so a reload restores it.
export const listPrefsSchema = z.object({
  search: z.string().max(200).default(''),
  status: tokenStatusSchema.nullable().default(null),
  roleId: z.number().int().positive().nullable().default(null),
  sort: z.enum(LIST_SORT_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  columns: z.array(z.enum(OPTIONAL_COLUMNS)).default([]),
});
export type ListPrefs = z.infer<typeof listPrefsSchema>;

export const DEFAULT_LIST_PREFS: ListPrefs = listPrefsSchema.parse({});

const STORAGE_KEY = 'wifox.tokenList.prefs';

export function loadListPrefs(storage: Storage = sessionStorage): ListPrefs {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (raw === null) return DEFAULT_LIST_PREFS;
    const parsed = listPrefsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_LIST_PREFS;
  } catch {
    return DEFAULT_LIST_PREFS;
  }
}

export function saveListPrefs(prefs: ListPrefs, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // A full or disabled storage only costs the user their list choices after a reload.
  }
}
