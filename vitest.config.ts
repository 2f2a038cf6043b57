import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      'a64-platform/sdk': path.resolve('src/sdk/index.ts'),
      'a64-platform/testkit': path.resolve('src/sdk/testkit/index.ts'),
    },
  },
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `npm test` (= `vitest run`) runs both; `vitest run --project unit` the fast half alone.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure logic and in-process platforms; nothing here spawns a process or needs dist/.
          include: ['src/**/*.test.ts', 'modules/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          // Spawned servers and the CLI run dist/: rebuilt first whenever it is older than the sources.
          globalSetup: ['test/support/ensure-build.ts'],
        },
      },
    ],
  },
});
