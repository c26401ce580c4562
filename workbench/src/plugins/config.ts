/**
 * What the routes need to know about this running workbench, decorated on the app once:
 * the signing key, the public address, the clock and the rate limits.
 */
import type { SigningKeyPair } from '@jarjestoopas/utils/sync/signature';
import fp from 'fastify-plugin';

export interface RateLimit {
  max: number;
  timeWindow: number;
}

interface AppConfig {
  key: SigningKeyPair;
  /** Where browsers reach this server, e.g. https://opas.example.fi. */
  publicUrl(): string;
  now(): Date;
  /** Configured organisation or role for verifiedBy; undefined = the catalogue's maintainer name. */
  verifiedBy?: string;
  intakeRateLimit: RateLimit;
  loginRateLimit: RateLimit;
  /** Report status reads (routes/report-status.ts): nurses behind one address all ask now and then. */
  statusRateLimit: RateLimit;
}

export interface ConfigPluginOptions {
  key: SigningKeyPair;
  /** A function when the address is known only after listen() picked a port. */
  publicUrl: string | (() => string);
  now?: () => Date;
  verifiedBy?: string;
  intakeRateLimit?: RateLimit;
  loginRateLimit?: RateLimit;
  statusRateLimit?: RateLimit;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
  }
}

export const configPlugin = fp<ConfigPluginOptions>(
  async (app, options) => {
    const { publicUrl } = options;
    app.decorate('config', {
      key: options.key,
      publicUrl: typeof publicUrl === 'function' ? publicUrl : () => publicUrl,
      now: options.now ?? (() => new Date()),
      verifiedBy: options.verifiedBy,
      intakeRateLimit: options.intakeRateLimit ?? { max: 60, timeWindow: 60_000 },
      loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: 15 * 60_000 },
      statusRateLimit: options.statusRateLimit ?? { max: 120, timeWindow: 60_000 },
    });
  },
  { name: 'workbench-config' },
);
