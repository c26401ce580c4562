import { browser } from '#imports';

/** The match pattern for exactly the feed's origin, e.g. `https://tiedot.vakehyva.fi/*`. */
function feedOriginPattern(feedUrl: string): string {
  return `${new URL(feedUrl).origin}/*`;
}

/**
 * Asks for access to the feed's origin only (declared as optional, so nothing is granted at
 * install). Must run inside the user's click: browsers allow the prompt only then. A server
 * that sends `Access-Control-Allow-Origin: *` works even when the nurse declines.
 */
export async function requestFeedPermission(feedUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [feedOriginPattern(feedUrl)] });
  } catch {
    return false;
  }
}
