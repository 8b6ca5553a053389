import { defineConfig } from 'vitest/config';

// End-to-end: the real station in a child process, the built pages in headless Chromium.
// The pages are built once before the suites (a clean checkout has none).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts', 'tests/county/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // What the page shows follows the station through its change notices: on a loaded machine that
    // takes more than expect.poll's default second. Polls wait as long as the pages' own waits.
    expect: { poll: { timeout: 15_000 } },
  },
});
