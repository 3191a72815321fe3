import { z } from 'zod';
import { ENTRY_TOO_LONG_MESSAGE, MAX_WHITELIST_ENTRIES, MAX_WHITELIST_ENTRY_LENGTH, tooManyEntriesMessage } from '../domain';
import { idQuerySchema, idSchema, instantSchema, personRefSchema } from './common';
import { queryIntegerWithDefault } from './query';
import { previousSecretSchema } from './rotation';
import { calendarDateSchema, descriptionInputSchema, ownerInputSchema, textSchema, tokenNameInputSchema } from './text';

export const tokenStatusSchema = z.enum(['active', 'expiring', 'expired']);
export type TokenStatusValue = z.infer<typeof tokenStatusSchema>;

export const identificationTokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  roleId: idSchema,
  roleName: z.string(),
  // Display names of the modules the token's role reaches.
  permissions: z.array(z.string()),
  // Canonical whitelist entries; empty means any address.
  whitelist: z.array(z.string()),
  expiresOn: calendarDateSchema.nullable(),
  // Exclusive end instant of expiresOn in the organisation's time zone.
  expiresAt: instantSchema.nullable(),
  status: tokenStatusSchema,
  createdAt: instantSchema,
  createdBy: personRefSchema,
  updatedAt: instantSchema,
  lastUsedAt: instantSchema.nullable(),
  lastUsedIp: z.string().nullable(),
  // Prefix plus the first 4 characters of the body, e.g. `wfx_AbCd`.
  secretHint: z.string(),
  version: z.number().int().positive(),
  // While a rotation's overlap runs: the replaced secret, still accepted until validUntil.
  previousSecret: previousSecretSchema.nullable().optional(),
  // Who answers for the token and what it is for; absent from older servers and snapshots.
  owner: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
});
export type IdentificationToken = z.infer<typeof identificationTokenSchema>;

export const TOKEN_SORT_FIELDS = ['name', 'expiresOn', 'createdAt', 'lastUsedAt'] as const;
export const tokenSortSchema = z.enum(TOKEN_SORT_FIELDS);
export type TokenSort = z.infer<typeof tokenSortSchema>;

export const sortOrderSchema = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof sortOrderSchema>;

export const MAX_PAGE_SIZE = 1000;

// Cursors are opaque to clients: base64url text the server wrote, sent back unchanged.
const cursorSchema = z.string().min(1).max(512).regex(/^[A-Za-z0-9_-]+$/, { message: 'Send back a cursor exactly as the server returned it.' });

export const tokenListQuerySchema = z.object({
  search: textSchema(0, 200).optional(),
  status: tokenStatusSchema.optional(),
  roleId: idQuerySchema().optional(),
  sort: tokenSortSchema.default('name'),
  order: sortOrderSchema.default('asc'),
  page: queryIntegerWithDefault(1, Number.MAX_SAFE_INTEGER, 1).meta({
    description: 'Offset paging, kept for older clients: the database still steps over the rows before the page. Prefer `cursor`.',
  }),
  pageSize: queryIntegerWithDefault(1, MAX_PAGE_SIZE, 50),
  cursor: cursorSchema.optional().meta({
    description: 'The `nextCursor` of the previous page, with the same filters, sort and order: the page after it (keyset paging, as fast at the last page as at the first).',
  }),
  changedSince: cursorSchema.optional().meta({
    description: 'The `changeCursor` of an earlier listing: only the tokens created or changed since (a role change counts for its tokens), and `deletedIds`. It lists every change: search, status, roleId and sort are not applied.',
  }),
});
export type TokenListQuery = z.input<typeof tokenListQuerySchema>;

export const tokenListResponseSchema = z.object({
  items: z.array(identificationTokenSchema),
  // Counted on a first page only (no cursor, no changedSince): later pages answer null.
  total: z.number().int().nonnegative().nullable(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  // The next page's cursor; null on the last page.
  nextCursor: z.string().nullable(),
  // Send as changedSince to get what changed after this answer was read (keep the first page's).
  changeCursor: z.string(),
  // With changedSince: the tokens deleted since (on its first page); otherwise empty.
  deletedIds: z.array(idSchema),
});
export type TokenListResponse = z.infer<typeof tokenListResponseSchema>;

// Entries are checked one by one by the shared whitelist rules, so a bad entry is reported
// with its index (`whitelist.2`) rather than failing the whole array here.
// The limits speak the console's words (shared/domain), so a refusal reads the same everywhere.
export const whitelistInputSchema = z
  .array(
    textSchema(0, MAX_WHITELIST_ENTRY_LENGTH, ENTRY_TOO_LONG_MESSAGE).meta({
      description: 'An IPv4 or IPv6 address, or a CIDR block written with its network address (203.0.113.0/24, 2001:db8::/32).',
      example: '203.0.113.0/24',
    }),
  )
  .max(MAX_WHITELIST_ENTRIES, {
    error: (issue) => tooManyEntriesMessage(Array.isArray(issue.input) ? issue.input.length : MAX_WHITELIST_ENTRIES + 1),
  })
  // Exact duplicates are refused, and so are two notations of the same addresses.
  .meta({ uniqueItems: true, description: 'Empty (or absent on create) means any address.' });

// Strict: an unknown field (say `secret` or `expiresAt`) is refused with 400 naming it, never dropped.
export const createTokenRequestSchema = z.strictObject({
  name: tokenNameInputSchema,
  roleId: idSchema,
  expiresOn: calendarDateSchema
    .nullable()
    .optional()
    .meta({ description: 'Last day the token works, in the organisation\'s time zone; today or later. null or absent: never expires.' }),
  whitelist: whitelistInputSchema.optional(),
  owner: ownerInputSchema.nullable().optional().meta({ description: 'An email address or a team name; null or absent: no owner.' }),
  description: descriptionInputSchema.nullable().optional(),
});
export type CreateTokenRequest = z.input<typeof createTokenRequestSchema>;

export const createTokenResponseSchema = z.object({
  token: identificationTokenSchema,
  // The only time the secret is ever sent.
  secret: z.string(),
});
export type CreateTokenResponse = z.infer<typeof createTokenResponseSchema>;

export const updateTokenRequestSchema = z.strictObject({
  name: tokenNameInputSchema.optional(),
  roleId: idSchema.optional(),
  // null clears the expiry date.
  expiresOn: calendarDateSchema
    .nullable()
    .optional()
    .meta({ description: 'Last day the token works, in the organisation\'s time zone; a new date is today or later. null clears it.' }),
  whitelist: whitelistInputSchema.optional(),
  // null clears them.
  owner: ownerInputSchema.nullable().optional().meta({ description: 'An email address or a team name; null clears it.' }),
  description: descriptionInputSchema.nullable().optional(),
});
export type UpdateTokenRequest = z.input<typeof updateTokenRequestSchema>;

// ETag / If-Match carry the version as a quoted string: "7".
export const formatVersionTag = (version: number): string => `"${version}"`;
export const parseVersionTag = (tag: string): number | null => {
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(tag.trim());
  return match?.[1] === undefined ? null : Number(match[1]);
};
/** Whether an If-Match header lets a write go ahead on `version` (absent or `*`: no condition). */
export const ifMatchAllows = (ifMatch: string | undefined, version: number): boolean =>
  ifMatch === undefined || ifMatch.trim() === '*' || ifMatch.split(',').map((tag) => parseVersionTag(tag)).includes(version);
