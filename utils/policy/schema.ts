import * as z from 'zod/mini';
import { endpointUrlSchema } from '../net/endpoint-url';

/**
 * Enterprise policy: what an administrator may set for every installed extension (Chrome
 * `storage.managed` with public/managed_schema.json; Firefox policies.json `3rdparty`).
 * Policy beats the options page, which beats the build default. Each field is checked on
 * its own: one bad value is dropped with a reason, the others still apply.
 */
export const policyFields = {
  feedUrl: endpointUrlSchema,
  trustedPublicKeys: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  refreshIntervalHours: z.int().check(z.minimum(1), z.maximum(168)),
  homeSites: z.array(z.string().check(z.minLength(1))),
  reportUrl: endpointUrlSchema,
  /** A feed catalogue below this revision is neither taken nor kept (e.g. after a bad publication). */
  minimumRevision: z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)),
  /** true: drop any feed catalogue, fetch none, use the catalogue shipped in the extension. */
  useBundledCatalogue: z.boolean(),
} as const;

type PolicyKey = keyof typeof policyFields;
export type Policy = { [K in PolicyKey]?: z.infer<(typeof policyFields)[K]> };

export interface PolicyReading {
  policy: Policy;
  /** One line per rejected field, e.g. `feedUrl: Invalid URL`. */
  problems: string[];
}

export function parsePolicy(raw: unknown): PolicyReading {
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { policy, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy, problems: ['policy: not an object'] };
  for (const [key, schema] of Object.entries(policyFields)) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(`${key}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return { policy: policy as Policy, problems };
}
