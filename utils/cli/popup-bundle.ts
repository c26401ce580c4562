/**
 * The popup's JavaScript as the browser loads it on open: popup.html's module script and its
 * modulepreload chunks, gzipped (level 9). Lazily imported chunks (e.g. the feed packer) are
 * not counted: they load only when needed. `npm run --silent measure:bundle` prints it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The issue-11 budget for the popup's JavaScript (gzip, bytes). */
export const POPUP_JS_BUDGET = 150_000;

export function popupJavaScript(buildDirectory: string): Array<{ file: string; gzip: number }> {
  const html = readFileSync(resolve(buildDirectory, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1]!);
  return [...new Set(files)].map((file) => ({ file, gzip: gzipSync(readFileSync(resolve(buildDirectory, file)), { level: 9 }).byteLength }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const directory = resolve(process.argv[2] ?? '.output/chrome-mv3');
  const chunks = popupJavaScript(directory);
  for (const { file, gzip } of chunks) console.log(`${file}: ${gzip} B`);
  const total = chunks.reduce((sum, { gzip }) => sum + gzip, 0);
  console.log(`popup JavaScript at open: ${total} B gzip (budget ${POPUP_JS_BUDGET} B)`);
}
