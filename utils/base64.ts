/**
 * The one base64 helper: bytes and typed arrays ⇄ base64, for the packed index (plain JSON:
 * extension storage takes JSON, not binary) and for signing keys and signatures. Uses the platform's Uint8Array.fromBase64 where it exists (Chrome 140+, Firefox
 * 133+), else atob, which browsers and Node both have.
 */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

type WithFromBase64 = typeof Uint8Array & { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as WithFromBase64).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function uint32ToBase64(values: Uint32Array): string {
  return bytesToBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function base64ToUint32(text: string): Uint32Array<ArrayBuffer> {
  const bytes = base64ToBytes(text);
  if (bytes.length % 4 !== 0) throw new Error('a 32-bit array has a stray byte');
  // A fresh copy is aligned whatever the decoder returned.
  return new Uint32Array(bytes.slice().buffer);
}
