/**
 * The workbench's one configuration, read once at start: command-line flags over environment
 * variables, checked by zod. Nothing else in the workbench reads process.env.
 *
 *   --data DIR        WORKBENCH_DATA              PGlite's folder, the development key, the lock (workbench-data)
 *   --port P          PORT                        0 = any free port (8080)
 *   --host H          HOST                        the address to listen on (127.0.0.1; 0.0.0.0 in a container)
 *   --production      NODE_ENV=production         production mode: refuses to start without WORKBENCH_SIGNING_KEY_FILE
 *                                                 (the container image sets NODE_ENV=production)
 *   --public-url URL  WORKBENCH_PUBLIC_URL        where browsers reach it: https://…, plain http on loopback only
 *                     WORKBENCH_TRUST_PROXY       behind reverse proxies: how many (1 = the one proxy in front), or
 *                                                 their addresses (10.0.0.2,10.0.1.0/24). Only those hops' X-Forwarded-For
 *                                                 entries are believed: the client is the address the last proxy saw.
 *                     WORKBENCH_VERIFIED_BY       who the feed says confirmed a fact: an organisation or a role
 *                                                 (default: the catalogue's maintainer name), never a person's e-mail
 *                     DATABASE_URL                PostgreSQL instead of PGlite
 *                     WORKBENCH_SIGNING_KEY_FILE  the feed's signing key (npm run catalogue -- keygen)
 *   --api BASE        WORKBENCH_PTV_API           PTV Open API v11 base (import-ptv, the daily import)
 *   --municipality N  WORKBENCH_PTV_MUNICIPALITIES municipality codes to import, repeated (092,245 in the variable)
 *   --ptv-daily-at HH:MM WORKBENCH_PTV_DAILY_AT   run the PTV import daily at this Helsinki time (unset: never)
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { isAllowedEndpointUrl, PLAIN_HTTP_MESSAGE } from '@jarjestoopas/utils/net/endpoint-url';
import { z } from 'zod';
import { PTV_V11_DEFAULT_BASE } from './ptv/client/v11';
import { UsageError } from './usage-error';

/** The flags every command understands (node:util parseArgs). */
export const CONFIG_FLAGS = {
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'public-url': { type: 'string' },
  production: { type: 'boolean' },
  api: { type: 'string' },
  municipality: { type: 'string', multiple: true },
  'ptv-daily-at': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export type ConfigFlags = Partial<Record<Exclude<keyof typeof CONFIG_FLAGS, 'production' | 'municipality'>, string>> & {
  production?: boolean;
  municipality?: string[];
};

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const PORT = '--port (PORT) must be a port number (0 = any free port)';
const TRUST_PROXY = 'WORKBENCH_TRUST_PROXY must be how many proxies stand in front (1) or their addresses (10.0.0.2,10.0.1.0/24)';

const isAddressOrRange = (entry: string) => {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

/**
 * Which X-Forwarded-For entries to believe. Never `true` (trust them all): anyone could then
 * claim any address and walk past the rate limits. A hop count N believes the N rightmost
 * entries, the ones the proxies appended; an address list believes the proxies at those addresses.
 */
const trustProxySchema = z.preprocess(
  unsetWhenEmpty,
  z
    .string()
    .optional()
    .transform((value, ctx): false | number | string[] => {
      if (value === undefined || value.trim() === '0') return false;
      if (/^\s*\d+\s*$/.test(value)) return Number(value);
      const entries = value.split(',').map((entry) => entry.trim());
      if (entries.every(isAddressOrRange)) return entries;
      ctx.addIssue({ code: 'custom', message: TRUST_PROXY });
      return z.NEVER;
    }),
);

const configSchema = z.object({
  dataDir: z.string().min(1).transform((dir) => resolve(dir)),
  port: z.coerce.number({ error: PORT }).int({ error: PORT }).min(0, { error: PORT }).max(65535, { error: PORT }),
  host: z.string().min(1, { error: '--host (HOST) must not be empty' }),
  publicUrl: z.preprocess(
    unsetWhenEmpty,
    z
      .url({ protocol: /^https?$/, error: '--public-url (WORKBENCH_PUBLIC_URL) must be an http(s) address' })
      // The same rule as the extension's report address (utils/net/endpoint-url.ts): `serve` signs
      // `<public URL>/api/reports` into the feed, and an address the extension refuses fails every report.
      .refine(isAllowedEndpointUrl, { error: `--public-url (WORKBENCH_PUBLIC_URL): ${PLAIN_HTTP_MESSAGE}` })
      .transform((url) => url.replace(/\/$/, ''))
      .optional(),
  ),
  trustProxy: trustProxySchema,
  production: z.boolean(),
  verifiedBy: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .trim()
      .min(2)
      .max(120)
      .refine((name) => !name.includes('@'), { error: 'WORKBENCH_VERIFIED_BY names an organisation or a role, not an e-mail address' })
      .optional(),
  ),
  databaseUrl: z.preprocess(unsetWhenEmpty, z.string().optional()),
  signingKeyFile: z.preprocess(unsetWhenEmpty, z.string().transform((file) => resolve(file)).optional()),
  ptvApi: z
    .url({ protocol: /^https?$/, error: '--api (WORKBENCH_PTV_API) must be an http(s) address' })
    .transform((url) => url.replace(/\/+$/, '')),
  ptvMunicipalities: z.array(z.string().regex(/^[0-9]{3}$/, { error: '--municipality (WORKBENCH_PTV_MUNICIPALITIES) takes three-digit codes such as 092' })),
  ptvDailyAt: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: '--ptv-daily-at (WORKBENCH_PTV_DAILY_AT) must be a time such as 03:30' })
      .optional(),
  ),
});

export type Config = z.output<typeof configSchema>;

export function loadConfig(flags: ConfigFlags, env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = configSchema.safeParse({
    dataDir: flags.data ?? env.WORKBENCH_DATA ?? 'workbench-data',
    port: flags.port ?? unsetWhenEmpty(env.PORT) ?? 8080,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    publicUrl: flags['public-url'] ?? env.WORKBENCH_PUBLIC_URL,
    trustProxy: env.WORKBENCH_TRUST_PROXY,
    production: flags.production === true || env.NODE_ENV === 'production',
    verifiedBy: env.WORKBENCH_VERIFIED_BY,
    databaseUrl: env.DATABASE_URL,
    signingKeyFile: env.WORKBENCH_SIGNING_KEY_FILE,
    ptvApi: flags.api ?? unsetWhenEmpty(env.WORKBENCH_PTV_API) ?? PTV_V11_DEFAULT_BASE,
    ptvMunicipalities: flags.municipality ?? (env.WORKBENCH_PTV_MUNICIPALITIES ?? '').split(',').map((code) => code.trim()).filter(Boolean),
    ptvDailyAt: flags['ptv-daily-at'] ?? env.WORKBENCH_PTV_DAILY_AT,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}
