/**
 * Several services in one note (issue 16, item 2): she picks services during a visit, sees the
 * list, reorders and removes, copies one combined note; the list is in session storage only
 * and is forgotten two hours after the first pick.
 */
import { expect, test } from './fixtures';
import { oneLine } from './popup-page';




test('pick three, reorder, remove one, copy one combined note; only session storage holds it', async ({ popup }) => {
  const page = popup.page;
  await popup.search('omaishoitaja tuki');
  const names = await popup.results();
  const add = (position: number) =>
    popup.resultItems.nth(position).getByRole('button', { name: /^Lisää lähetteeseen/ });

  await add(0).click();
  await popup.searchbox.focus();
  await popup.pressArrowDown();
  await add(1).click();
  await popup.resultItems.nth(2).locator('h2').click();
  await add(2).click();
  await expect(popup.resultItems.nth(2).getByRole('button', { name: /^Poista lähetteestä/ })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Lähetteessä 3/5' }).click();
  await expect(page.getByRole('region', { name: 'Lähetteen palvelut (3/5)' })).toBeVisible();
  const panel = page.getByRole('region', { name: /^Lähetteen palvelut/ });
  const picked = panel.getByRole('listitem');
  await expect(picked).toHaveCount(3);
  for (const [position, name] of names.slice(0, 3).entries()) await expect(picked.nth(position)).toContainText(name);

  // The third moves up, the first is removed: [third, second].
  await panel.getByRole('button', { name: `Siirrä ylemmäs: ${names[2]}` }).click();
  await panel.getByRole('button', { name: `Poista lähetteestä: ${names[0]}` }).click();
  await expect(page.getByRole('region', { name: 'Lähetteen palvelut (2/5)' })).toBeVisible();
  await expect(picked).toHaveCount(2);
  await expect(picked.nth(0)).toContainText(names[2]!);
  await expect(picked.nth(1)).toContainText(names[1]!);
  await page.screenshot({ path: test.info().outputPath('pick-list.png') });

  await page.getByRole('button', { name: 'Kopioi yhdistetty lähete' }).click();
  await expect(popup.status).toContainText('Kopioitu: yhdistetty lähete, 2 palvelua');
  const note = await page.evaluate(() => navigator.clipboard.readText());
  const blocks = note.split('\n\n');
  expect(blocks[0]).toMatch(/^Ohjaus järjestön palveluun \d{1,2}\.\d{1,2}\.\d{4}$/);
  expect(blocks).toHaveLength(3);
  expect(oneLine(blocks[1]!)).toContain(`Palvelu: ${names[2]}`);
  expect(oneLine(blocks[2]!)).toContain(`Palvelu: ${names[1]}`);

  // Session storage only: nothing of the visit in local or sync storage.
  const stored = await page.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return { session: await storage.session.get(null), local: await storage.local.get(null), sync: await storage.sync.get(null) };
  });
  expect(Object.keys(stored.session)).toEqual(expect.arrayContaining(['pickList', 'currentNote']));
  expect(JSON.stringify(stored.local)).not.toContain(names[1]!);
  expect(stored.sync).toEqual({});
});

test('the list empties itself two hours after the first pick', async ({ popup }) => {
  const page = popup.page;
  await popup.search('omaishoitaja tuki');
  await popup.resultItems.first().getByRole('button', { name: /^Lisää lähetteeseen/ }).click();
  await expect(page.getByRole('button', { name: 'Lähetteessä 1/5' })).toBeVisible();
  // The visit began two hours and a second ago.
  await page.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const { pickList } = (await storage.session.get('pickList')) as { pickList: { startedAt: number } };
    await storage.session.set({ pickList: { ...pickList, startedAt: Date.now() - 2 * 3600_000 - 1000 } });
  });
  await page.reload();
  await popup.search('omaishoitaja tuki');
  await expect(popup.resultItems.first().getByRole('button', { name: /^Lisää lähetteeseen/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Lähetteessä/ })).toHaveCount(0);
});
