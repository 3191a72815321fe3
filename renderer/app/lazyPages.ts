import { lazy } from 'react';

// The first screen is sign-in and the token list; every other section loads when first opened,
// which keeps the initial bundle small (figure 6 of `npm run bench`).
export const InventoryPage = lazy(() => import('../inventory/InventoryPage').then((m) => ({ default: m.InventoryPage })));
export const RolesPage = lazy(() => import('../roles/RolesPage').then((m) => ({ default: m.RolesPage })));
export const PreferencesPage = lazy(() => import('./PreferencesPage').then((m) => ({ default: m.PreferencesPage })));
export const LeakedSecretPage = lazy(() => import('../leaks/LeakedSecretPage').then((m) => ({ default: m.LeakedSecretPage })));
export const TokenPolicyPage = lazy(() => import('../policy/TokenPolicyPage').then((m) => ({ default: m.TokenPolicyPage })));
export const AuditLogPage = lazy(() => import('../audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
