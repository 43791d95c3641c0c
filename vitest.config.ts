import { defineConfig } from 'vitest/config';

// Three projects so the test command can run them in order and report each:
// unit (pure, fast), int (real SQLite and PostgreSQL), e2e (real browser).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'int',
          globalSetup: ['packages/server/src/testing/postgres.global-setup.ts'],
          include: ['packages/*/src/**/*.int.test.ts', 'bench/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own databases; two cores, so keep the pool small.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
