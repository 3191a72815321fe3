import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import { queryIntegerWithDefault } from './query';
import { textSchema, trimmedTextSchema } from './text';
import { tokenStatusSchema } from './tokens';

export const verifyResponseSchema = z.object({
  id: idSchema,
  name: z.string(),
  roleName: z.string(),
  permissions: z.array(z.string()),
  expiresAt: instantSchema.nullable(),
  status: tokenStatusSchema,
});
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;

export const publicListQuerySchema = z.object({
  limit: queryIntegerWithDefault(1, 500, 100),
  offset: queryIntegerWithDefault(0, Number.MAX_SAFE_INTEGER, 0),
});
export type PublicListQuery = z.input<typeof publicListQuerySchema>;

export const clientRecordSchema = z.object({
  id: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  country: z.string(),
  status: z.string(),
  createdAt: instantSchema,
});
export const kycDocumentRecordSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  type: z.string(),
  status: z.string(),
  uploadedAt: instantSchema,
});
export const actionRecordSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  type: z.string(),
  note: z.string(),
  at: instantSchema,
});
export const logRecordSchema = z.object({
  id: idSchema,
  at: instantSchema,
  level: z.string(),
  message: z.string(),
});
export const cbAccountRecordSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  currency: z.string(),
  balance: z.string(),
  status: z.string(),
});
export const cbTransactionRecordSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  type: z.string(),
  amount: z.string(),
  currency: z.string(),
  at: instantSchema,
});
export const cbAssetRecordSchema = z.object({
  id: idSchema,
  symbol: z.string(),
  name: z.string(),
  kind: z.string(),
});
export const cbWalletRecordSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  asset: z.string(),
  address: z.string(),
  balance: z.string(),
});
export const projectRecordSchema = z.object({
  id: idSchema,
  name: z.string(),
});
export const deskRecordSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  name: z.string(),
});

export type ClientRecord = z.infer<typeof clientRecordSchema>;
export type KycDocumentRecord = z.infer<typeof kycDocumentRecordSchema>;
export type ActionRecord = z.infer<typeof actionRecordSchema>;
export type LogRecord = z.infer<typeof logRecordSchema>;
export type CbAccountRecord = z.infer<typeof cbAccountRecordSchema>;
export type CbTransactionRecord = z.infer<typeof cbTransactionRecordSchema>;
export type CbAssetRecord = z.infer<typeof cbAssetRecordSchema>;
export type CbWalletRecord = z.infer<typeof cbWalletRecordSchema>;
export type ProjectRecord = z.infer<typeof projectRecordSchema>;
export type DeskRecord = z.infer<typeof deskRecordSchema>;

export const publicListResponseSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
  });

// Read endpoints over demo records: path segment under /api/public -> record schema.
export const PUBLIC_RECORD_SCHEMAS = {
  clients: clientRecordSchema,
  'kyc-documents': kycDocumentRecordSchema,
  actions: actionRecordSchema,
  logs: logRecordSchema,
  'cb-accounts': cbAccountRecordSchema,
  'cb-transactions': cbTransactionRecordSchema,
  'cb-assets': cbAssetRecordSchema,
  'cb-wallets': cbWalletRecordSchema,
  projects: projectRecordSchema,
  desks: deskRecordSchema,
} as const;
export type PublicResource = keyof typeof PUBLIC_RECORD_SCHEMAS;
export const PUBLIC_RESOURCES = Object.keys(PUBLIC_RECORD_SCHEMAS) as PublicResource[];

// Strict, like every request body: unknown fields are refused, not dropped.
export const createClientRequestSchema = z.strictObject({
  firstName: trimmedTextSchema(100),
  lastName: trimmedTextSchema(100),
  email: z.email().max(254),
  // ISO 3166 alpha-2, stored upper-case.
  country: textSchema(2, 2).regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code.').toUpperCase(),
});
export type CreateClientRequest = z.input<typeof createClientRequestSchema>;
