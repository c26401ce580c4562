import { addViteConfig, defineWxtModule } from 'wxt/modules';

/** public/_locales/<language>/messages.json, as the pages import it (utils/i18n/messages.ts). */
const LOCALE_MESSAGES = /[\\/]public[\\/]_locales[\\/][a-z]{2}[\\/]messages\.json$/;

/**
 * The pages' copy of the locale files keeps each message's text and drops its `description`
 * (a note for translators, read by no code), so the popup's JavaScript carries about a third
 * less of them (issue 13, item 2). The browser's own `_locales` files are copied whole.
 */
export function stripDescriptions(json: string): string {
  const messages = JSON.parse(json) as Record<string, { message: string; placeholders?: unknown }>;
  return JSON.stringify(
    Object.fromEntries(Object.entries(messages).map(([key, { message, placeholders }]) => [key, placeholders === undefined ? { message } : { message, placeholders }])),
  );
}

export default defineWxtModule({
  name: 'locale-messages',
  setup(wxt) {
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'jarjestoopas:locale-messages',
          enforce: 'pre',
          transform(code, id) {
            return LOCALE_MESSAGES.test(id.split('?')[0]!) ? { code: stripDescriptions(code), map: null } : undefined;
          },
        },
      ],
    }));
  },
});
