/**
 * Page-object helpers for stale-contact reports, named after what the nurse does. Selectors
 * are roles and accessible names (the Finnish UI), like the popup's page object.
 */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

const REPORT_BUTTON = /^Ilmoita vanhentuneesta tiedosta/;
export const FIELD_LABEL = 'Vanhentunut tieto';
export const SUGGESTION_LABEL = 'Oikea tieto, jos tiedät sen';
export const COMMENT_LABEL = 'Kommentti (vapaaehtoinen)';
export const HETU_ERROR = 'Tekstissä on henkilötunnus';
export const HETU_ACROSS_ERROR = 'Ehdotus ja kommentti muodostavat yhdessä henkilötunnuksen';

/** "Ilmoitettu 23.11.2026": today as the card writes it (Finnish, Helsinki time). */
export function reportedToday(): string {
  const day = new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Helsinki' }).format(new Date());
  return `Ilmoitettu ${day}`;
}

export function reportButton(card: Locator): Locator {
  return card.getByRole('button', { name: REPORT_BUTTON });
}

export function reportForm(card: Locator): Locator {
  return card.getByRole('form');
}

/** Opens the options page and points reports at `url` (or clears it with ''). */
export async function setReportEndpoint(context: BrowserContext, extensionId: string, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('textbox', { name: /Ilmoitusten vastaanotto-osoite/ }).fill(url);
  await page.getByRole('button', { name: 'Tallenna osoite' }).click();
  await expect(page.getByText('Osoite tallennettu.')).toBeVisible();
  return page;
}

/** The "Omat ilmoitukset" list on the options page. */
export function myReports(page: Page): Locator {
  return page.getByRole('list', { name: 'Omat ilmoitukset' });
}
