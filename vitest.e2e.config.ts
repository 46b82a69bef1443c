import { defineConfig } from 'vitest/config';

// Browser journeys: one real server (built UI + PGlite with a small demo organisation) for the
// whole run, driven by playwright-core in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
