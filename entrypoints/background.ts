import { defineBackground } from '#imports';
import { setupSessionsBackground } from '@/utils/sessions/background';

export default defineBackground(() => {
  setupSessionsBackground();
});
