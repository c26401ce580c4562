/**
 * Patient-data guard: free text must never carry a Finnish personal identity code
 * (henkilötunnus). Pure, no browser globals: the extension's report form and background and
 * the maintainers' workbench all import this one module.
 *
 * A code is DDMMYY, a century sign, a three-digit individual number and a check character
 * (the remainder of DDMMYYNNN divided by 31 looked up in `CHECK_CHARACTERS`). Century signs:
 * `+` 1800s; `-` `Y` `X` `W` `V` `U` 1900s; `A` `B` `C` `D` `E` `F` 2000s (the 2023 reform
 * added Y–U and B–F). A human still reads a code written with an en dash or a Unicode minus,
 * with spaces around the separator, broken over a line, with an invisible soft hyphen or
 * zero-width character inside, glued to a word ("hetu131052-308T") or with no separator at
 * all, so the text is normalised first and only digits right before or after count as "part of
 * a longer number". A lookalike whose date or check character is wrong is let through:
 * refusing it would block harmless case or product numbers.
 *
 * (The `finnish-ssn` package is not used: its pattern refuses people born from 2030 on.)
 */

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

/** Every dash and minus a keyboard, a word processor or a PDF may produce. */
const DASHES = /[\p{Pd}\u2212\u2043\u02d7\u2796\ufe63\uff0d]/gu;
/** Format characters: soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/**
 * DDMMYY, optional whitespace, an optional century sign, optional whitespace, NNN and the check
 * character; no digit right before or after.
 */
const CANDIDATE = /(?<![0-9])([0-9]{6})\s*([-+A-FU-Y]?)\s*([0-9]{3})([0-9A-Y])(?![0-9])/gi;

/** The text as a reader sees it: compatibility forms folded, invisible characters gone, one kind of dash. */
export function normaliseForGuard(text: string): string {
  return text.normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(DASHES, '-');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isValidDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Whether date, century sign (empty = unknown, any century) and check character make a real code. */
function isValidCode(date: string, sign: string, individual: string, check: string): boolean {
  if (CHECK_CHARACTERS[Number(date + individual) % 31] !== check) return false;
  const day = Number(date.slice(0, 2));
  const month = Number(date.slice(2, 4));
  const yy = Number(date.slice(4, 6));
  const centuries = sign ? [CENTURY[sign]!] : [1800, 1900, 2000];
  return centuries.some((century) => isValidDate(day, month, century + yy));
}

/**
 * The valid codes in the text, each in its canonical form (`DDMMYY-NNNC`, the sign as written
 * or `-` when there was none and the century cannot be told).
 */
export function findPersonalIdentityCodes(text: string): string[] {
  const found: string[] = [];
  for (const match of normaliseForGuard(text).matchAll(CANDIDATE)) {
    const [, date, rawSign, individual, rawCheck] = match as unknown as [string, string, string, string, string];
    const sign = rawSign.toUpperCase();
    const check = rawCheck.toUpperCase();
    if (isValidCode(date, sign, individual, check)) found.push(`${date}${sign || '-'}${individual}${check}`);
  }
  return found;
}

export function containsPersonalIdentityCode(text: string): boolean {
  return findPersonalIdentityCodes(text).length > 0;
}
