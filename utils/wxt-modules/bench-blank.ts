import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/**
 * The benchmark's blank reference page (tests/bench/blank/): a search box and a three-line
 * script that appends one `li` to `ul.results` on input, built into the bench extension only
 * (JARJESTOOPAS_BENCH_BLANK=1, set by tests/bench/popup-time.ts) and timed exactly as the popup.
 */
export default defineWxtModule({
  name: 'bench-blank',
  setup(wxt) {
    if (process.env.JARJESTOOPAS_BENCH_BLANK !== '1') return;
    wxt.hook('build:publicAssets', (_wxt, files) => {
      for (const name of ['blank.html', 'blank.js']) {
        files.push({ relativeDest: `bench/${name}`, contents: readFileSync(resolve(wxt.config.root, 'tests/bench/blank', name), 'utf8') });
      }
    });
  },
});
