import { FinnishSSN } from 'finnish-ssn';

/**
 * Patient-data guard: reports must never carry a Finnish personal identity code
 * (henkilötunnus). Candidates are found with a loose pattern (DDMMYY, any century sign
 * including the 2023 additions Y X W V U and B C D E F, three digits, a check character)
 * and each is confirmed by `finnish-ssn`, which checks the date and the checksum. A
 * lookalike with a wrong checksum is not a real code and is let through: refusing it would
 * block harmless text such as product or case numbers.
 */
const CANDIDATE = /(?<![0-9A-Za-z])[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Ya-y](?![0-9A-Za-z])/g;

export function findPersonalIdentityCodes(text: string): string[] {
  // Lower-case letters are still a code to a human reader: validate the upper-case form.
  return [...text.matchAll(CANDIDATE)].map((match) => match[0]).filter((candidate) => FinnishSSN.validate(candidate.toUpperCase()));
}

export function containsPersonalIdentityCode(text: string): boolean {
  return findPersonalIdentityCodes(text).length > 0;
}
