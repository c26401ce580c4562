/**
 * The maintainer's feed commands (`npm run catalogue -- keygen | sign | build`): a thin shell
 * over utils/sync/signature.ts, so the CLI signs exactly as the extension verifies.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { formatIssues, parseCatalogue } from '../catalogue/load';
import { generateSigningKeyPair, signBytes, verifyDetached } from '../sync/signature';

export class FeedUsageError extends Error {}

const privateKeyFileSchema = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1), keyId: z.string() });

function readPrivateKey(file: string | undefined) {
  if (!file) throw new FeedUsageError('--key <private key file> is required (make one with `keygen`)');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch {
    throw new FeedUsageError(`cannot read the key file ${file}`);
  }
  const parsed = privateKeyFileSchema.safeParse(data);
  if (!parsed.success) throw new FeedUsageError(`${file} is not a key file written by \`keygen\``);
  return parsed.data;
}

/** keygen [--out file]: a new P-256 key pair; prints the public key for policy and build. */
export async function keygen(out: string): Promise<number> {
  const file = resolve(out);
  if (existsSync(file)) throw new FeedUsageError(`${file} exists; refusing to overwrite a signing key`);
  const pair = await generateSigningKeyPair();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(pair, null, 2)}\n`, { mode: 0o600 });
  console.log(`Wrote ${file} (PRIVATE: keep it off the web server and out of git)`);
  console.log(`Key id:     ${pair.keyId}`);
  console.log(`Public key: ${pair.publicKey}`);
  return 0;
}

/** Signs the exact bytes of a file, checks the result verifies, writes `<file>.sig`. */
async function signFile(file: string, keyFile: string | undefined): Promise<string> {
  const key = readPrivateKey(keyFile);
  const bytes = new Uint8Array(readFileSync(file));
  const signature = JSON.stringify(await signBytes(bytes, key));
  if ((await verifyDetached(bytes, signature, [key.publicKey])) !== 'valid') {
    throw new FeedUsageError(`${keyFile}: the private and public keys do not belong together`);
  }
  writeFileSync(`${file}.sig`, `${signature}\n`);
  return `${file}.sig`;
}

export async function sign(file: string | undefined, keyFile: string | undefined): Promise<number> {
  if (!file) throw new FeedUsageError('sign needs the file to sign');
  console.log(`Wrote ${await signFile(resolve(file), keyFile)}`);
  return 0;
}

/**
 * build <catalogue> --key <file> --out <dir> [--revision N]: validate, write compact
 * `catalogue.json` and sign it. The two files are the whole feed: copy both to any static server.
 */
export async function build(source: string, keyFile: string | undefined, outDir: string, revision: number | undefined): Promise<number> {
  const key = readPrivateKey(keyFile);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(resolve(source), 'utf8'));
  } catch (error) {
    throw new FeedUsageError(`cannot read ${source} as JSON: ${(error as Error).message}`);
  }
  if (revision !== undefined) {
    data = { ...(data as object), revision, publishedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
  }
  const parsed = parseCatalogue(data);
  if (!parsed.success) {
    throw new FeedUsageError(`${source} is not a valid catalogue:\n${formatIssues(parsed.data, parsed.issues).join('\n')}`);
  }
  mkdirSync(resolve(outDir), { recursive: true });
  const out = join(resolve(outDir), 'catalogue.json');
  writeFileSync(out, JSON.stringify(parsed.catalogue));
  await signFile(out, keyFile);
  const { catalogue } = parsed;
  console.log(
    `Wrote ${out} and ${out}.sig: region ${catalogue.region}, revision ${catalogue.revision}, ${catalogue.services.length} services, signed by key ${key.keyId}`,
  );
  return 0;
}
