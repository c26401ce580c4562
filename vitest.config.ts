import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Playwright's *.spec.ts files live in tests/e2e and must not be picked up here.
    include: ['tests/unit/**/*.test.ts'],
    // IndexedDB (fake-indexeddb), reset with the fake browser.
    setupFiles: ['tests/unit/setup-indexeddb.ts'],
    // Some tests start real processes (the CLI) or servers; a busy 2-core CI needs more than 5 s.
    testTimeout: 20_000,
  },
});
