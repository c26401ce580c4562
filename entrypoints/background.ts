import { defineBackground } from '#imports';
import { setupReportsBackground } from '@/utils/reports/background';

export default defineBackground(() => {
  setupReportsBackground();
});
