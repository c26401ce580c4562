import * as z from 'zod/mini';

/** Hosts where plain http cannot be read or altered on the way: this computer only. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

/**
 * Whether an address may receive reports or serve a feed: https anywhere, plain http only on
 * this computer (a test or development server). Anything else on http could be read or changed
 * by anyone on the network path (a café Wi-Fi, a proxy).
 */
export function isAllowedEndpointUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (LOOPBACK_HOSTS as readonly string[]).includes(url.hostname);
}

export const PLAIN_HTTP_MESSAGE = 'plain http is allowed only for 127.0.0.1, localhost and [::1]; use https';

/** A report endpoint or feed address: an http(s) URL, plain http only on loopback. */
export const endpointUrlSchema = z.url({ protocol: /^https?$/ }).check(z.refine(isAllowedEndpointUrl, PLAIN_HTTP_MESSAGE));
