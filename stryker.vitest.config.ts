import { defineConfig } from 'vitest/config';

// The tests that judge the enforcement code, for `npm run mutation` only: the shared domain and
// the server's access tests. Stryker runs this one Node project in order (it measures which test
// covers which mutant), so it neither shuffles nor needs the browser.
const SHARED = ['test/shared/domain/**/*.test.ts'];
const SERVER = [
  'test/server/access-guard.test.ts',
  'test/server/client-address.test.ts',
  'test/server/crypto.test.ts',
  'test/server/hardening/forged-secrets.test.ts',
];

export default defineConfig({
  test: {
    name: 'mutation',
    environment: 'node',
    // MUTATION_TESTS=shared keeps the shared tests only: for a shared file, the server tests'
    // HTTP round trips cost a server start per mutant and can only kill more, so the score is a
    // lower bound, reached in a fraction of the time.
    include: process.env.MUTATION_TESTS === 'shared' ? SHARED : [...SHARED, ...SERVER],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
