/**
 * The popup's JavaScript stays within its budget (150 kB gzip, issue 11): measured on the
 * production build that the other end-to-end tests load.
 */
import { expect, test } from '@playwright/test';
import { POPUP_JS_BUDGET, popupJavaScript } from '../../utils/cli/popup-bundle';
import { CHROME_BUILD } from './fixtures';

test('the popup loads at most 150 kB of gzipped JavaScript on open', () => {
  const chunks = popupJavaScript(CHROME_BUILD);
  expect(chunks.length).toBeGreaterThan(1);
  const total = chunks.reduce((sum, { gzip }) => sum + gzip, 0);
  expect(total, chunks.map(({ file, gzip }) => `${file} ${gzip}`).join(', ')).toBeLessThanOrEqual(POPUP_JS_BUDGET);
});
