import { defineBackground } from '#imports';
// Sync details (the options page shows them) carry zod's words.
import '@/utils/zod-messages';
import { setupHandoffBackground } from '@/utils/handoff/background';
import { setupReportsBackground } from '@/utils/reports/background';
import { setupSessionsBackground } from '@/utils/sessions/background';
import { setupSyncBackground } from '@/utils/sync/background';

export default defineBackground(() => {
  setupSyncBackground();
  setupReportsBackground();
  setupSessionsBackground();
  setupHandoffBackground();
});
