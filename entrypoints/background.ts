import { defineBackground } from '#imports';
import { createBrowserAdapters } from '@/utils/background/adapters';
// Sync details (the options page shows them) carry zod's words.
import '@/utils/zod-messages';
import { setupHandoffBackground } from '@/utils/handoff/background';
import { setupReportsBackground } from '@/utils/reports/background';
import { setupSessionsBackground } from '@/utils/sessions/background';
import { setupSyncBackground } from '@/utils/sync/background';

/**
 * The composition root: the browser's fetch, clock, storage and alarms are wrapped once and
 * handed to each feature, which registers its listeners synchronously (MV3 wake-up).
 */
export default defineBackground(() => {
  const adapters = createBrowserAdapters();
  setupSyncBackground(adapters);
  setupReportsBackground(adapters);
  setupSessionsBackground(adapters);
  setupHandoffBackground(adapters);
});
