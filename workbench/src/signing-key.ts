/**
 * The key that signs the feed: WORKBENCH_SIGNING_KEY_FILE (written by `npm run catalogue --
 * keygen`), or else a development key created once in the data folder.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeyPair, keyIdOf, type SigningKeyPair } from '@jarjestoopas/utils/sync/signature';
import { z } from 'zod';
import type { Config } from './config';
import { UsageError } from './usage-error';

const keyFileSchema = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1), keyId: z.string().optional() });

export async function loadOrCreateKey(config: Pick<Config, 'dataDir' | 'signingKeyFile'>, log: (line: string) => void): Promise<SigningKeyPair> {
  const file = config.signingKeyFile ?? join(config.dataDir, 'signing-key.json');
  if (!existsSync(file)) {
    if (config.signingKeyFile) throw new UsageError(`WORKBENCH_SIGNING_KEY_FILE ${file} does not exist`);
    const pair = await generateSigningKeyPair();
    writeFileSync(file, `${JSON.stringify(pair, null, 2)}\n`, { mode: 0o600 });
    log(`Created a DEVELOPMENT signing key ${file} (key id ${pair.keyId}); for production set WORKBENCH_SIGNING_KEY_FILE.`);
    return pair;
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new UsageError(`${file} is not a key file written by \`npm run catalogue -- keygen\``);
  return { ...parsed.data, keyId: await keyIdOf(parsed.data.publicKey) };
}
