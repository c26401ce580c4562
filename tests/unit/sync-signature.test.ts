import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyIdOf, signBytes, verifyDetached } from '@/utils/sync/signature';

const bytes = new TextEncoder().encode('{"revision":2}');

describe('feed signatures (ECDSA P-256 / SHA-256, P1363, base64)', () => {
  it('verify the exact bytes with a trusted key, and nothing else', async () => {
    const [trusted, other] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
    const signature = JSON.stringify(await signBytes(bytes, trusted));
    expect(await verifyDetached(bytes, signature, [other.publicKey, trusted.publicKey])).toBe('valid');
    expect(await verifyDetached(new TextEncoder().encode('{"revision":3}'), signature, [trusted.publicKey])).toBe('signatureInvalid');
    expect(await verifyDetached(bytes, signature, [other.publicKey])).toBe('unknownKey');
    expect(await verifyDetached(bytes, null, [trusted.publicKey])).toBe('signatureMissing');
    expect(await verifyDetached(bytes, '{"keyId":"zz","signature":"x"}', [trusted.publicKey])).toBe('signatureInvalid');
  });

  it('a forged key id does not borrow a trusted key', async () => {
    const [trusted, attacker] = await Promise.all([generateSigningKeyPair(), generateSigningKeyPair()]);
    const forged = { ...(await signBytes(bytes, attacker)), keyId: await keyIdOf(trusted.publicKey) };
    expect(await verifyDetached(bytes, JSON.stringify(forged), [trusted.publicKey])).toBe('signatureInvalid');
  });

  it('skips a malformed trusted key instead of failing every key', async () => {
    const trusted = await generateSigningKeyPair();
    const signature = JSON.stringify(await signBytes(bytes, trusted));
    expect(await verifyDetached(bytes, signature, ['not base64!', trusted.publicKey])).toBe('valid');
  });

  it('signatures are 64-byte r||s (IEEE P1363), as documented', async () => {
    const { signature } = await signBytes(bytes, await generateSigningKeyPair());
    expect(atob(signature)).toHaveLength(64);
  });
});
