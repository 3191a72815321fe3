import { z } from 'zod';
import { isoDateSchema, tokenNameSchema, whitelistLimitsSchema } from '../domain';
import { idSchema, instantSchema, personRefSchema } from './common';

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
  expiresOn: z.string().nullable(),
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
});
export type IdentificationToken = z.infer<typeof identificationTokenSchema>;

export const TOKEN_SORT_FIELDS = ['name', 'expiresOn', 'createdAt', 'lastUsedAt'] as const;
export const tokenSortSchema = z.enum(TOKEN_SORT_FIELDS);
export type TokenSort = z.infer<typeof tokenSortSchema>;

export const sortOrderSchema = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof sortOrderSchema>;

export const MAX_PAGE_SIZE = 500;

export const tokenListQuerySchema = z.object({
  search: z.string().max(200).optional(),
  status: tokenStatusSchema.optional(),
  roleId: z.coerce.number().int().positive().optional(),
  sort: tokenSortSchema.default('name'),
  order: sortOrderSchema.default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});
export type TokenListQuery = z.input<typeof tokenListQuerySchema>;

export const tokenListResponseSchema = z.object({
  items: z.array(identificationTokenSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type TokenListResponse = z.infer<typeof tokenListResponseSchema>;

// Entries are checked one by one by the shared whitelist rules, so a bad entry is reported
// with its index (`whitelist.2`) rather than failing the whole array here.
export const whitelistInputSchema = whitelistLimitsSchema;

// Strict: an unknown field (say `secret` or `expiresAt`) is refused with 400 naming it, never dropped.
export const createTokenRequestSchema = z.strictObject({
  name: tokenNameSchema,
  roleId: idSchema,
  expiresOn: isoDateSchema.nullable().optional(),
  whitelist: whitelistInputSchema.optional(),
});
export type CreateTokenRequest = z.input<typeof createTokenRequestSchema>;

export const createTokenResponseSchema = z.object({
  token: identificationTokenSchema,
  // The only time the secret is ever sent.
  secret: z.string(),
});
export type CreateTokenResponse = z.infer<typeof createTokenResponseSchema>;

export const updateTokenRequestSchema = z.strictObject({
  name: tokenNameSchema.optional(),
  roleId: idSchema.optional(),
  // null clears the expiry date.
  expiresOn: isoDateSchema.nullable().optional(),
  whitelist: whitelistInputSchema.optional(),
});
export type UpdateTokenRequest = z.input<typeof updateTokenRequestSchema>;

// ETag / If-Match carry the version as a quoted string: "7".
export const formatVersionTag = (version: number): string => `"${version}"`;
export const parseVersionTag = (tag: string): number | null => {
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(tag.trim());
  return match?.[1] === undefined ? null : Number(match[1]);
};
