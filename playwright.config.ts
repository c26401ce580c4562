import { defineConfig } from '@playwright/test';

const CI = Boolean(process.env.CI);

/**
 * End-to-end tests against the production builds in `.output/` (build them first; `npm test`
 * does). Chromium runs through Playwright; Firefox through puppeteer-core inside the same
 * runner, so one command runs both. See tests/e2e/fixtures.ts.
 */
export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  // Each test launches its own browser; the machines have 2 cores.
  workers: 2,
  fullyParallel: false,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  // Generous budgets: a busy 2-core machine runs an axe scan or a Firefox start in tens of
  // seconds. Waiting longer costs nothing when the test passes.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  projects: [
    {
      name: 'chromium',
      testMatch: /\.spec\.ts$/,
      testIgnore: /\.firefox\.spec\.ts$/,
    },
    {
      name: 'firefox',
      testMatch: /\.firefox\.spec\.ts$/,
      // One Firefox at a time: two at once on a 2-core machine time out while typing.
      workers: 1,
    },
  ],
});
