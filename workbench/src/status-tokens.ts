/**
 * A report's status token (docs/reports-endpoint.md, "Hearing back"): 256 random bits handed to
 * the extension once, when the report is stored; only its SHA-256 is kept. Whoever holds the token
 * may read that one report's state and reply, nothing else.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 32;

function hashStatusToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newStatusToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashStatusToken(token) };
}

// Compared when there is no stored hash (unknown report, or one from before tokens), so that a
// miss costs the same work as a wrong token.
const NO_HASH = hashStatusToken('no report has this token');

/**
 * Whether a presented token is the one whose hash is stored. Both sides are SHA-256 digests of
 * the same length, compared with `timingSafeEqual`: the time taken says nothing about how much
 * of the token was right. A missing hash never matches.
 */
export function statusTokenMatches(presented: string, storedHash: string | null | undefined): boolean {
  const expected = Buffer.from(storedHash && /^[0-9a-f]{64}$/.test(storedHash) ? storedHash : NO_HASH, 'hex');
  const actual = Buffer.from(hashStatusToken(presented), 'hex');
  return timingSafeEqual(actual, expected) && Boolean(storedHash);
}
