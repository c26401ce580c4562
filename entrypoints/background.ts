import { defineBackground } from '#imports';
import { setupReportsBackground } from '@/utils/reports/background';
import { setupSessionsBackground } from '@/utils/sessions/background';

export default defineBackground(() => {
  setupReportsBackground();
  setupSessionsBackground();
});
