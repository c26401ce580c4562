import { z } from 'zod';

/**
 * Detached signatures of the catalogue feed: ECDSA P-256 with SHA-256 over the exact bytes of
 * `catalogue.json`, checked with WebCrypto (the same `crypto.subtle` in the extension, in Node
 * and in the CLI).
 *
 * Encodings (documented in README, "Catalogue feed"):
 * - public key: SPKI DER in base64 (what `exportKey('spki')` gives), one string per key;
 * - key id: the first 16 hex digits of SHA-256 over that SPKI, so that "signed by a key we do
 *   not trust" can be told apart from "signature does not match";
 * - signature file `catalogue.json.sig`: JSON `{ "keyId": "…", "signature": "<base64>" }` where
 *   the signature is IEEE P1363 `r || s` (64 bytes), WebCrypto's native ECDSA output.
 */
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** The signature file is tiny; anything bigger is not ours. */
export const MAX_SIGNATURE_FILE_BYTES = 2048;

export const signatureFileSchema = z.strictObject({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.base64(),
});
export type SignatureFile = z.infer<typeof signatureFileSchema>;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function keyIdOf(spkiBase64: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64(spkiBase64)));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface SigningKeyPair {
  /** SPKI, base64: goes into the build, the policy or the options page. */
  publicKey: string;
  /** PKCS#8, base64: stays with the maintainer, never in the extension. */
  privateKey: string;
  keyId: string;
}

export async function generateSigningKeyPair(): Promise<SigningKeyPair> {
  const pair = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
  const privateKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
  return { publicKey, privateKey, keyId: await keyIdOf(publicKey) };
}

/** Signs the exact bytes; returns the signature file's content. */
export async function signBytes(bytes: Uint8Array<ArrayBuffer>, keys: { privateKey: string; publicKey: string }): Promise<SignatureFile> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(keys.privateKey), KEY_ALGORITHM, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign(SIGN_ALGORITHM, key, bytes));
  return { keyId: await keyIdOf(keys.publicKey), signature: toBase64(signature) };
}

export type VerifyResult = 'valid' | 'signatureMissing' | 'signatureInvalid' | 'unknownKey';

/**
 * Checks a signature file against the trusted keys. `signatureText` null means the server had
 * no signature file. A key that cannot be imported is skipped (a typo in a policy must not
 * make every other key useless).
 */
export async function verifyDetached(
  bytes: Uint8Array<ArrayBuffer>,
  signatureText: string | null,
  trustedKeys: readonly string[],
): Promise<VerifyResult> {
  return (await verifySigner(bytes, signatureText, trustedKeys)).result;
}

/** Like `verifyDetached`, and which trusted key (as configured) the signature verified with. */
export async function verifySigner(
  bytes: Uint8Array<ArrayBuffer>,
  signatureText: string | null,
  trustedKeys: readonly string[],
): Promise<{ result: VerifyResult; key: string | null }> {
  const verdict = (result: Exclude<VerifyResult, 'valid'>) => ({ result, key: null });
  if (signatureText === null) return verdict('signatureMissing');
  let file: SignatureFile;
  try {
    const parsed = signatureFileSchema.safeParse(JSON.parse(signatureText));
    if (!parsed.success) return verdict('signatureInvalid');
    file = parsed.data;
  } catch {
    return verdict('signatureInvalid');
  }
  for (const trusted of trustedKeys) {
    let keyId: string;
    let key: CryptoKey;
    try {
      keyId = await keyIdOf(trusted);
      if (keyId !== file.keyId) continue;
      key = await crypto.subtle.importKey('spki', fromBase64(trusted), KEY_ALGORITHM, false, ['verify']);
    } catch {
      continue;
    }
    const ok = await crypto.subtle.verify(SIGN_ALGORITHM, key, fromBase64(file.signature), bytes);
    return ok ? { result: 'valid', key: trusted } : verdict('signatureInvalid');
  }
  return verdict('unknownKey');
}
