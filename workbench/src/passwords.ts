/** Maintainers' passwords: Argon2id (memory-hard) through @node-rs/argon2's defaults: m=19 MiB, t=2, p=1 (OWASP's minimum). */
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string): Promise<string> => hash(password);

// Checked against when the e-mail is unknown, so that the answer takes as long as for a known one.
const DUMMY_HASH = hash('not a password: equalises the time of unknown e-mails');

/** Whether `password` is the one behind `passwordHash`; with no hash, always false after the same work. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    await verify(await DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
