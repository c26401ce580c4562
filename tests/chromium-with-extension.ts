/**
 * Debian's Chromium with one unpacked extension loaded, the way the e2e tests and the
 * benchmark's popup timing both need it.
 */
import { chromium, type BrowserContext } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  viewport: { width: number; height: number };
  /** A UI locale such as 'fi-FI' for the browser and the extension's i18n; none = the machine's. */
  locale?: string;
}

export function launchChromiumWithExtension(extensionDir: string, { viewport, locale }: LaunchOptions): Promise<BrowserContext> {
  const language = locale?.split('-')[0];
  // Extensions only load into a persistent context ('' = a fresh temporary profile).
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    ...(locale && language
      ? {
          locale,
          // chrome.i18n.getUILanguage() follows the process locale on Linux, not --lang alone.
          env: { ...process.env, LANGUAGE: language, LANG: `${locale.replace('-', '_')}.UTF-8` },
        }
      : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // --accept-lang too: a tab the extension opens itself (options page, printout) can read
      // navigator.language before Playwright's locale emulation reaches it; headless Chromium's
      // own default there is English (seen as an English options page or printout once in ~4 runs).
      ...(locale ? [`--lang=${locale}`, `--accept-lang=${locale},${language}`] : []),
      // CI and these machines run as root: Chromium will not start sandboxed as root.
      '--no-sandbox',
      '--disable-gpu',
      // The network is closed: keep Chromium from trying to reach Google.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The loaded extension's id: the host of its service worker's URL. */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 10_000 });
  return new URL(worker.url()).host;
}
