import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/errors';
import { CatalogService } from '../../../main/services/catalog-service';
import type { SessionService } from '../../../main/services/session-service';

// Signed out, the session has no client: every catalog call must answer with a rejected
// promise (the offline copy and the reminders gather them in one Promise.all), never throw.
const signedOut = {
  client(): never {
    throw new AppError('not_signed_in', 'Sign in to continue.');
  },
} as unknown as SessionService;

describe('CatalogService signed out', () => {
  it.each(['modules', 'roles', 'organisation'] as const)('%s rejects instead of throwing', async (call) => {
    const catalog = new CatalogService(signedOut);
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = catalog[call]();
    }).not.toThrow();
    await expect(pending).rejects.toMatchObject({ code: 'not_signed_in' });
  });
});
