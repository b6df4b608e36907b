import { defineConfig } from 'vitest/config';

/**
 * One root config, four projects. `tests/run.mjs` (the README's test command)
 * picks which run: the API/websocket suite runs once per database.
 */
const integration = (db: 'pglite' | 'postgres') => ({
  test: {
    name: `api-${db}`,
    include: ['tests/api/**/*.test.ts'],
    env: { OPSBOARD_TEST_DB: db },
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks' as const,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      integration('pglite'),
      integration('postgres'),
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          env: { OPSBOARD_TEST_DB: 'pglite' },
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          pool: 'forks' as const,
        },
      },
    ],
  },
});
