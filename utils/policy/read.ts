import { browser } from '#imports';
import { parsePolicy, type PolicyReading } from './schema';

/**
 * Reads the enterprise policy. Browsers without one (no admin, no policies.json, or Firefox
 * without a managed storage manifest) reject the call: that simply means "no policy".
 */
export async function readPolicy(): Promise<PolicyReading> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    raw = undefined;
  }
  return parsePolicy(raw);
}
