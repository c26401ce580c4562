/**
 * The workbench's one configuration, read once at start: command-line flags over environment
 * variables, checked by zod. Nothing else in the workbench reads process.env.
 *
 *   --data DIR        WORKBENCH_DATA              PGlite's folder, the development key, the lock (workbench-data)
 *   --port P          PORT                        0 = any free port (8080)
 *   --host H          HOST                        the address to listen on (127.0.0.1; 0.0.0.0 in a container)
 *   --public-url URL  WORKBENCH_PUBLIC_URL        where browsers reach it (https://… in production)
 *                     WORKBENCH_TRUST_PROXY=1     behind a reverse proxy: trust its X-Forwarded-* headers
 *                     DATABASE_URL                PostgreSQL instead of PGlite
 *                     WORKBENCH_SIGNING_KEY_FILE  the feed's signing key (npm run catalogue -- keygen)
 */
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { UsageError } from './usage-error';

/** The flags every command understands (node:util parseArgs). */
export const CONFIG_FLAGS = {
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'public-url': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export type ConfigFlags = Partial<Record<keyof typeof CONFIG_FLAGS, string>>;

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const PORT = '--port (PORT) must be a port number (0 = any free port)';

const configSchema = z.object({
  dataDir: z.string().min(1).transform((dir) => resolve(dir)),
  port: z.coerce.number({ error: PORT }).int({ error: PORT }).min(0, { error: PORT }).max(65535, { error: PORT }),
  host: z.string().min(1, { error: '--host (HOST) must not be empty' }),
  publicUrl: z.preprocess(
    unsetWhenEmpty,
    z
      .url({ protocol: /^https?$/, error: '--public-url (WORKBENCH_PUBLIC_URL) must be an http(s) address' })
      .transform((url) => url.replace(/\/$/, ''))
      .optional(),
  ),
  trustProxy: z.boolean(),
  databaseUrl: z.preprocess(unsetWhenEmpty, z.string().optional()),
  signingKeyFile: z.preprocess(unsetWhenEmpty, z.string().transform((file) => resolve(file)).optional()),
});

export type Config = z.output<typeof configSchema>;

export function loadConfig(flags: ConfigFlags, env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = configSchema.safeParse({
    dataDir: flags.data ?? env.WORKBENCH_DATA ?? 'workbench-data',
    port: flags.port ?? unsetWhenEmpty(env.PORT) ?? 8080,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    publicUrl: flags['public-url'] ?? env.WORKBENCH_PUBLIC_URL,
    trustProxy: env.WORKBENCH_TRUST_PROXY === '1',
    databaseUrl: env.DATABASE_URL,
    signingKeyFile: env.WORKBENCH_SIGNING_KEY_FILE,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}
