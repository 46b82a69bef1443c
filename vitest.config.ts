import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'common/**/*.test.ts',
      'server/**/*.test.ts',
      'web/**/*.test.{ts,tsx}',
      'tests/*.test.ts',
      'tests/fuzz/*.test.ts',
      // Several app processes on one database need a PostgreSQL server (npm run test:pg).
      ...(process.env.TEST_DATABASE_URL ? ['tests/multi-process/*.pg.test.ts'] : []),
    ],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
