import { defineBackground } from '#imports';
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
