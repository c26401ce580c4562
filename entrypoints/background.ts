import { defineBackground } from '#imports';
import { setupSyncBackground } from '@/utils/sync/background';

export default defineBackground(() => {
  setupSyncBackground();
});
