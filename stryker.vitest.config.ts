import { defineConfig } from 'vitest/config';

// The tests that judge the enforcement code, for `npm run mutation` only: the shared domain and
// the server's access tests. Stryker runs this one Node project in order (it measures which test
// covers which mutant), so it neither shuffles nor needs the browser.
export default defineConfig({
  test: {
    name: 'mutation',
    environment: 'node',
    include: [
      'test/shared/domain/**/*.test.ts',
      'test/server/access-guard.test.ts',
      'test/server/client-address.test.ts',
      'test/server/crypto.test.ts',
      'test/server/hardening/forged-secrets.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
