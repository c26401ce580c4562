/**
 * Service texts in the chosen language (issue 21, item 3), in the demo build (`npm run
 * build:demo`) in Chromium: a signed feed adds trilingual fixture services to the demo
 * catalogue (tests/unit/trilingual-fixture.ts: test data, never shipped), synced through the real
 * path. The Swedish popup shows their Swedish names and descriptions and writes the note in
 * Swedish; a text the service lacks in Swedish is Finnish and marked "(på finska)". With the
 * info-session banner on, three results stay wholly visible at 460×600 in every language even
 * when the first name wraps.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { catalogueSchema } from '../../utils/catalogue/schema';
import { generateSigningKeyPair } from '../../utils/sync/signature';
import { startFeedServer, type FeedServer } from '../unit/sync-feed-server';
import { encode, signedPublication } from '../unit/sync-fixtures';
import {
  HELPLINE_DESCRIPTION_FI,
  HELPLINE_NAME_SV,
  PEER_GROUPS_DESCRIPTION_SV,
  PEER_GROUPS_EN,
  PEER_GROUPS_SV,
  SWEDISH_QUERY,
  withTrilingualServices,
} from '../unit/trilingual-fixture';
import { countWhollyVisible, findLayoutProblems, NO_LAYOUT_PROBLEMS } from './layout-checks';
import { DEMO_CATALOGUE, expect, test } from './sessions-fixtures';

const DURING_MYYRMAKI = '2026-11-26T13:15:00+02:00';

let server: FeedServer;
let publicKey: string;
test.beforeAll(async () => {
  server = await startFeedServer();
  const key = await generateSigningKeyPair();
  publicKey = key.publicKey;
  const demo = catalogueSchema.parse(JSON.parse(readFileSync(DEMO_CATALOGUE, 'utf8')));
  const feed = { ...withTrilingualServices(demo), revision: demo.revision + 1 };
  server.publish(await signedPublication(encode(feed), key));
});
test.afterAll(async () => {
  await server?.close();
});

/** The demo popup in `language`, her site Myyrmäki (banner on), the trilingual feed synced in. */
async function popupIn(openDemoPopup: (time: string) => Promise<Page>, language: 'sv' | 'en', query: string, firstName: string): Promise<Page> {
  const page = await openDemoPopup(DURING_MYYRMAKI);
  await page.evaluate(
    async ({ language, feedUrl, publicKey }) => {
      const { storage } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      await storage.local.set({
        homeSites: { siteIds: ['myyrmaki-terveysasema'], dismissed: true },
        preferences: { city: 'all', noteLanguage: language, uiLanguage: language },
        syncSettings: { feedUrl, trustedPublicKeys: [publicKey] },
      });
    },
    { language, feedUrl: server.url, publicKey },
  );
  const search = page.getByRole('searchbox');
  // The background syncs at once when a feed is set; the open popup swaps to the new catalogue.
  await expect(async () => {
    await search.fill('');
    await search.fill(query);
    await expect(page.locator('ul.results > li h2').first()).toHaveText(new RegExp(`^${firstName}`), { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator('.popup')).toHaveAttribute('lang', language);
  return page;
}

test('Swedish popup: Swedish names and descriptions, the note in Swedish, Finnish text marked', async ({ openDemoPopup }) => {
  const page = await popupIn(openDemoPopup, 'sv', SWEDISH_QUERY, PEER_GROUPS_SV);
  const items = page.locator('ul.results > li');
  const first = items.first();
  await expect(first.getByRole('heading', { level: 2 })).toHaveText(PEER_GROUPS_SV);
  await expect(first.getByRole('heading', { level: 2 })).toHaveAttribute('title', PEER_GROUPS_SV);

  await first.getByRole('button', { name: 'Visa hänvisning' }).click();
  await expect(first.locator('.description')).toHaveText(PEER_GROUPS_DESCRIPTION_SV.split('. ')[0]! + '.');
  await expect(first.locator('.contacts')).toContainText('Gruppernas ledare');
  await expect(first.locator('.contacts')).toContainText('tisdagar på eftermiddagen');
  const note = (await first.locator('.note-preview').textContent()) ?? '';
  expect(note.replace(/\n {2}/g, ' ')).toContain(`Tjänst: ${PEER_GROUPS_SV}`);
  expect(note).toContain('Hänvisning till organisationens tjänst');
  expect(note).not.toContain('på finska');
  await page.screenshot({ path: test.info().outputPath('sv-card-and-note.png') });

  // The helpline has a Swedish name but only a Finnish description: shown in Finnish, marked.
  const helpline = items.filter({ has: page.getByRole('heading', { name: HELPLINE_NAME_SV }) });
  await helpline.getByRole('heading', { level: 2 }).click();
  await helpline.getByRole('button', { name: 'Visa hänvisning' }).click();
  const description = helpline.locator('.description');
  await expect(description).toHaveText(`${HELPLINE_DESCRIPTION_FI.split('. ')[0]}. (på finska)`);
  await expect(description).toHaveAttribute('lang', 'fi');
  await expect(helpline.locator('.contacts')).toContainText('Neuvontapuhelin (på finska)');
  await page.screenshot({ path: test.info().outputPath('sv-finnish-marked.png') });
});

// A common need: the trilingual peer groups (a two-line name) first, then the demo catalogue's own services.
for (const [language, query, firstName] of [
  ['sv', 'närståendevårdare kamratstöd', PEER_GROUPS_SV],
  ['en', 'peer support family carers omaishoitaja', PEER_GROUPS_EN],
] as const) {
  test(`${language}: three results at a glance with the banner when the first name wraps to two lines`, async ({ openDemoPopup }) => {
    const page = await popupIn(openDemoPopup, language, query, firstName);
    await expect(page.locator('ul.results > li').nth(2)).toBeAttached();
    await page.waitForTimeout(300);
    const [nameHeight, lineHeight] = await page.evaluate(() => {
      const heading = document.querySelector('ul.results > li h2')!;
      return [heading.getBoundingClientRect().height, parseFloat(getComputedStyle(heading).lineHeight)];
    });
    expect(nameHeight, 'the first name takes two lines').toBeGreaterThan(1.5 * lineHeight);
    const visible = await page.evaluate(countWhollyVisible);
    console.log(`${language}: wholly visible result items with a two-line first name and the banner: ${visible}`);
    await page.screenshot({ path: test.info().outputPath(`glance-two-line-${language}.png`) });
    expect(visible).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(findLayoutProblems)).toEqual(NO_LAYOUT_PROBLEMS);
  });
}
