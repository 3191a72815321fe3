// URL paths of both APIs, shared by the server's routes and the console's client.
export const ADMIN_PATHS = {
  login: '/api/admin/auth/login',
  refresh: '/api/admin/auth/refresh',
  logout: '/api/admin/auth/logout',
  settings: '/api/admin/settings',
  modules: '/api/admin/modules',
  roles: '/api/admin/roles',
  role: (id: number): string => `/api/admin/roles/${id}`,
  roleDuplicate: (id: number): string => `/api/admin/roles/${id}/duplicate`,
  roleSettings: '/api/admin/settings/roles',
  tokenPolicy: '/api/admin/settings/token-policy',
  tokens: '/api/admin/identification-tokens',
  token: (id: number): string => `/api/admin/identification-tokens/${id}`,
  rotateSecret: (id: number): string => `/api/admin/identification-tokens/${id}/rotate-secret`,
  endOverlap: (id: number): string => `/api/admin/identification-tokens/${id}/end-overlap`,
  leakLookup: '/api/admin/identification-tokens/leak-lookup',
  auditEvents: '/api/admin/audit-events',
  auditRefusals: '/api/admin/audit-events/refusals',
  usageTotals: '/api/admin/token-usage',
  tokenUsage: (id: number): string => `/api/admin/token-usage/${id}`,
  inventorySignatures: '/api/admin/inventory-signatures',
  rotateSigningKey: '/api/admin/signing-keys/rotate',
} as const;

export const PUBLIC_PATHS = {
  verify: '/api/public/tokens/verify',
  revoke: '/api/public/tokens/revoke',
  openApi: '/api/public/docs/openapi.json',
  signingKeys: '/api/public/signing-keys',
  resource: (resource: string): string => `/api/public/${resource}`,
} as const;
