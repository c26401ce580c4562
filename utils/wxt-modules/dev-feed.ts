import { defineWxtModule } from 'wxt/modules';

/**
 * `npm run dev` also serves the local demo feed (utils/cli/dev-feed-server.ts), which the
 * development build trusts and fetches, so a newcomer sees the catalogue sync working.
 * Production builds neither start it nor trust its key.
 */
export default defineWxtModule({
  name: 'dev-feed',
  setup(wxt) {
    wxt.hook('server:started', async () => {
      const { startDevFeed } = await import('../cli/dev-feed-server');
      try {
        const { url } = await startDevFeed();
        wxt.logger.info(`Demo catalogue feed (development key): ${url}`);
      } catch (error) {
        wxt.logger.warn(`Demo catalogue feed not started: ${(error as Error).message}`);
      }
    });
  },
});
