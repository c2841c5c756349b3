import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Workspace packages export `source` → src/index.ts, so tests run on the
    // TypeScript sources without a build step between packages.
    conditions: ['source'],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // Fixture trees are sample projects to scan, test files of their own included.
    exclude: ['**/node_modules/**', '**/fixtures/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
