import { defineConfig } from 'vitest/config';

// Three projects so the test command can run them in order and report each:
// unit (pure, fast), int (real SQLite and PostgreSQL), e2e (real browser).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Property tests run many cases: room for a busy machine, still short enough to catch a hang.
          testTimeout: 30_000,
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/src/**/*.test.tsx',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'int',
          globalSetup: ['packages/server/src/testing/postgres.global-setup.ts'],
          include: ['packages/*/src/**/*.int.test.ts', 'bench/**/*.int.test.ts'],
          // Generous: on two shared busy cores a test that spawns the CLI a few times takes its time;
          // a real hang still fails.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file gets its own databases; two cores, so keep the pool small.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
