/**
 * Where to go after a form: a path on this server only, never another site. A browser drops tabs
 * and newlines from a URL and reads `\` as `/`, so `/\t/evil.example` and `/\evil.example` are
 * `//evil.example` to it (audit L1): those characters are refused outright, and what is left
 * must resolve to this very origin.
 */
const THIS_ORIGIN = 'http://workbench.invalid';
// eslint-disable-next-line no-control-regex -- refusing control characters (tab, newline ...) is this pattern's job
const UNSAFE = /[\u0000-\u001F\u007F\\]/;

export function safeReturn(path: string, fallback: string): string {
  if (!path.startsWith('/') || path.startsWith('//') || UNSAFE.test(path)) return fallback;
  let url: URL;
  try {
    url = new URL(path, THIS_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== THIS_ORIGIN) return fallback;
  const resolved = `${url.pathname}${url.search}${url.hash}`;
  return resolved.startsWith('//') ? fallback : resolved;
}
