/**
 * Patient-data guard: free text must never carry a Finnish personal identity code
 * (henkilötunnus). Pure, no browser globals: the extension's report form and background and
 * the maintainers' workbench all import this one module (a code split over two fields:
 * guard-fields.ts).
 *
 * A code is DDMMYY, a century sign, a three-digit individual number and a check character
 * (the remainder of DDMMYYNNN divided by 31 looked up in `CHECK_CHARACTERS`). Century signs:
 * `+` 1800s; `-` `Y` `X` `W` `V` `U` 1900s; `A` `B` `C` `D` `E` `F` 2000s (the 2023 reform
 * added Y–U and B–F). A human still reads a code written with an en dash or a Unicode minus,
 * with spaces around the separator or between any two characters ("13 10 52-308T",
 * "131052-308 T"), broken over a line, with any invisible character inside (soft hyphen,
 * zero-width, variation selector, Hangul filler, braille blank, a combining mark on a digit),
 * with a Greek or Cyrillic lookalike letter, glued to a word ("hetu131052-308T") or with no
 * separator at all, so the text is normalised first and only digits right before or after count
 * as "part of a longer number". A lookalike whose date or check character is wrong is let through:
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
/**
 * What a reader does not see between two characters, so it must not part a code: default-
 * ignorable code points (soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks,
 * variation selectors, the combining grapheme joiner, Hangul fillers, the Mongolian vowel
 * separator, tags), every other format character, combining marks (an accent on a digit), and
 * blank symbols Unicode does not call ignorable (the braille blank, musical null notehead and
 * formatting symbols).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\u2800\u{1D159}\u{1D173}-\u{1D17A}]/gu;
/**
 * Greek and Cyrillic capitals that look like the Latin check characters and century signs: a
 * human reads "131052-308Т" with a Cyrillic Т as the code it is.
 */
const LOOKALIKES: Record<string, string> = {
  'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'К': 'K', 'М': 'M', 'Р': 'P', 'Т': 'T', 'Х': 'X', 'У': 'Y',
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Η': 'H', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ρ': 'P', 'Τ': 'T', 'Χ': 'X', 'Υ': 'Y',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');

/**
 * DDMMYY, optional whitespace, an optional century sign, optional whitespace, NNN and the check
 * character; no digit right before or after. The form people write.
 */
const COMPACT = /(?<![0-9])([0-9]{6})\s*([-+A-FU-Y]?)\s*([0-9]{3})([0-9A-Y])(?![0-9])/;
/**
 * The same with whitespace between any two characters ("13 10 52-308T", "131052-308 T"). A
 * phone number spaced in groups is ten digits too ("040 123 4567"), so this form counts only
 * with a century sign or a letter check character standing alone (see `isSpacedCode`).
 */
const SPACED = /(?<![0-9])([0-9](?:\s*[0-9]){5})\s*([-+A-FU-Y]?)\s*([0-9](?:\s*[0-9]){2})\s*([0-9A-Y])(?![0-9])/;

/**
 * The text as a reader sees it, upper case: compatibility forms folded (full-width digits,
 * ligatures), invisible characters and combining marks gone, one kind of dash, Latin lookalikes
 * for Greek and Cyrillic capitals.
 */
export function normaliseForGuard(text: string): string {
  return text
    // NFKD first so that a mark composed onto a letter ("Y" + U+0301 = "Ý") comes apart and goes.
    .normalize('NFKD')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(DASHES, '-')
    .toUpperCase()
    .replace(LOOKALIKE, (letter) => LOOKALIKES[letter]!);
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

/** What may follow a letter check character that stands alone: not a letter, digit or dash ("09 123 4567 A-klinikka"). */
const STANDS_ALONE = /^(?![\p{L}\p{N}-])/u;

/**
 * Whether a spaced candidate counts: with a century sign, or with a letter check character that
 * stands alone. A spaced phone number followed by a word ("09 123 4567 Tavoitettavissa") has
 * neither.
 */
function isSpacedCode(sign: string, check: string, after: string): boolean {
  return sign !== '' || (/[A-Y]/.test(check) && STANDS_ALONE.test(after));
}

/**
 * Ten digits starting like a Finnish mobile number (04x, 050) are taken for one when written
 * bare ("0501234567") or grouped ("040 123-4567"): one in 31 would pass the check (2.8 % of bare
 * "050…" numbers did). The price: a code born on the 4th or 5th written with no sign and a digit
 * check character, or with spaces inside its date.
 */
const BARE_MOBILE_NUMBER = /^(?:04[0-9]|050)[0-9]{7}$/;

export interface GuardOptions {
  /**
   * Count only codes written with a century sign or a letter check character: for text joined
   * from two fields, where two numbers side by side ("045 0508165" + "042 224 3826") make a run
   * of ten digits that no one wrote.
   */
  signOrLetter?: boolean;
}

/**
 * The valid codes in the text, each in its canonical form (`DDMMYY-NNNC`, the sign as written
 * or `-` when there was none and the century cannot be told), once each.
 */
export function findPersonalIdentityCodes(text: string, options: GuardOptions = {}): string[] {
  const normalised = normaliseForGuard(text);
  const found = new Set<string>();
  for (const [source, spaced] of [[COMPACT, false], [SPACED, true]] as const) {
    const pattern = new RegExp(source.source, 'g');
    for (let match = pattern.exec(normalised); match; match = pattern.exec(normalised)) {
      const [whole, rawDate, rawSign, rawIndividual, check] = match as unknown as [string, string, string, string, string];
      const date = rawDate.replace(/\s/g, '');
      const individual = rawIndividual.replace(/\s/g, '');
      const after = normalised.slice(match.index + whole.length, match.index + whole.length + 1);
      const counts =
        (!spaced || isSpacedCode(rawSign, check, after)) &&
        (!options.signOrLetter || rawSign !== '' || /[A-Y]/.test(check)) &&
        !BARE_MOBILE_NUMBER.test(whole) &&
        !(spaced && /\s/.test(rawDate) && BARE_MOBILE_NUMBER.test(date + individual + check)) &&
        isValidCode(date, rawSign, individual, check);
      if (counts) found.add(`${date}${rawSign || '-'}${individual}${check}`);
      // A candidate that does not count may overlap a real code that starts inside it.
      else pattern.lastIndex = match.index + 1;
    }
  }
  return [...found];
}

export function containsPersonalIdentityCode(text: string): boolean {
  return findPersonalIdentityCodes(text).length > 0;
}
