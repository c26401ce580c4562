/**
 * The key that signs the feed: WORKBENCH_SIGNING_KEY_FILE (written by `npm run catalogue --
 * keygen`), or else, in development only, a key created once in the data folder. Production
 * (NODE_ENV=production or --production) refuses to start without the file (audit L6): a key made
 * up on the spot signs a feed that no browser trusts, and every nurse's update would fail.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeyPair, keyIdOf, type SigningKeyPair } from '@jarjestoopas/utils/sync/signature';
import { z } from 'zod';
import type { Config } from './config';
import { UsageError } from './usage-error';

const keyFileSchema = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1), keyId: z.string().optional() });

export async function loadOrCreateKey(config: Pick<Config, 'dataDir' | 'signingKeyFile' | 'production'>, log: (line: string) => void): Promise<SigningKeyPair> {
  if (config.production && !config.signingKeyFile) {
    throw new UsageError(
      'production mode (NODE_ENV=production or --production) needs WORKBENCH_SIGNING_KEY_FILE: the key whose public half the extension trusts (npm run catalogue -- keygen)',
    );
  }
  const file = config.signingKeyFile ?? join(config.dataDir, 'signing-key.json');
  if (!existsSync(file)) {
    if (config.signingKeyFile) throw new UsageError(`WORKBENCH_SIGNING_KEY_FILE ${file} does not exist`);
    const pair = await generateSigningKeyPair();
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(pair, null, 2)}\n`, { mode: 0o600 });
    log(
      [
        '',
        '!!! WARNING: created a DEVELOPMENT signing key',
        `!!! ${file} (key id ${pair.keyId}).`,
        '!!! Its feed is one no browser trusts unless built with this key; for production set',
        '!!! WORKBENCH_SIGNING_KEY_FILE (production mode refuses to start without it).',
        '',
      ].join('\n'),
    );
    return pair;
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new UsageError(`${file} is not a key file written by \`npm run catalogue -- keygen\``);
  return { ...parsed.data, keyId: await keyIdOf(parsed.data.publicKey) };
}
