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

const browser = (name: string, engine: 'chromium' | 'firefox', include: string[]) => ({
  test: {
    name,
    include,
    env: { OPSBOARD_TEST_DB: 'pglite', OPSBOARD_TEST_BROWSER: engine },
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks' as const,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts', 'scripts/**/*.test.mjs'],
          environment: 'node',
        },
      },
      integration('pglite'),
      integration('postgres'),
      browser('browser', 'chromium', ['tests/e2e/**/*.test.ts']),
      // The board itself (drag and drop, live sync, editing, settings) and the shell again in Firefox.
      browser('browser-firefox', 'firefox', ['tests/e2e/board-dnd.test.ts', 'tests/e2e/board-live.test.ts', 'tests/e2e/board-editing.test.ts', 'tests/e2e/board-settings.test.ts', 'tests/e2e/shell.test.ts']),
    ],
  },
});
