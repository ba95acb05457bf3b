import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds the playground's page script for the browser tests (test/e2e).
    globalSetup: ['test/support/build-playground-client.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
