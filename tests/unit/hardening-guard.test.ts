import { describe, expect, it } from 'vitest';
import { reportDraftSchema } from '@/utils/reports/draft';
import { containsPersonalIdentityCode, findPersonalIdentityCodes } from '@/utils/reports/guard';
import { findPersonalIdentityCodesAcrossFields, findPersonalIdentityCodesInReport } from '@/utils/reports/guard-fields';
import { draft, REPORT, VALID_CODES } from './reports-fixtures';

/** A valid code with the given date, century sign and individual number (check character computed by the rule). */
function code(ddmmyy: string, sign: string, individual: string): string {
  const table = '0123456789ABCDEFHJKLMNPRSTUVWXY';
  return `${ddmmyy}${sign}${individual}${table[Number(`${ddmmyy}${individual}`) % 31]}`;
}

describe('henkilötunnus guard: forms a human still reads as a code (issue 12, item 1)', () => {
  const base = '131052-308T';

  it.each([
    ['en dash', '131052–308T'],
    ['em dash', '131052—308T'],
    ['Unicode minus', '131052−308T'],
    ['Unicode hyphen', '131052‐308T'],
    ['non-breaking hyphen', '131052‑308T'],
    ['full-width hyphen-minus', '１３１０５２－３０８Ｔ'],
    ['small hyphen-minus', '131052﹣308T'],
    ['space before the separator', '131052 -308T'],
    ['spaces around the separator', '131052 - 308T'],
    ['no-break spaces around the separator', '131052\u00a0-\u00a0308T'],
    ['a space as the separator', '131052 308T'],
    ['a soft hyphen inside', '1310\u00ad52-308T'],
    ['a zero-width space inside', '131052\u200b-308T'],
    ['a zero-width joiner inside', '13\u200d1052-30\u200d8T'],
    ['a word joiner and BOM inside', '131052\u2060-\ufeff308T'],
    ['split over a line break', '131052-\n308T'],
    ['split over a CRLF before the separator', '131052\r\n-308T'],
    ['a letter right before it', 'hetu131052-308T'],
    ['letters on both sides', 'hetu131052-308Tkiitos'],
    ['no separator', '131052308T'],
    ['no separator, digit check character', '0105949021'],
    ['lower case with a letter before', 'id:131052-308t'],
  ])('catches a code with %s', (_name, text) => {
    expect(containsPersonalIdentityCode(`Asiakas ${text} soitti`)).toBe(true);
    expect(containsPersonalIdentityCode(text)).toBe(true);
  });

  it('reports the normalised code', () => {
    expect(findPersonalIdentityCodes('hetu131052\u2013308T')).toEqual([base]);
  });

  it.each(Object.entries(VALID_CODES))('catches century sign %s with an en dash-free, spaced and zero-width form alike', (_sign, valid) => {
    const spaced = `${valid.slice(0, 6)} ${valid.slice(6, 7)} ${valid.slice(7)}`;
    const zeroWidth = `${valid.slice(0, 3)}\u200b${valid.slice(3)}`;
    expect(containsPersonalIdentityCode(spaced)).toBe(true);
    expect(containsPersonalIdentityCode(zeroWidth)).toBe(true);
    expect(containsPersonalIdentityCode(`x${valid}x`)).toBe(true);
  });

  it.each(['A', 'B', 'C', 'D', 'E', 'F'])('catches people born from 2030 on (century sign %s)', (sign) => {
    const born2031 = code('150631', sign, '123');
    const born2099 = code('311299', sign, '002');
    expect(containsPersonalIdentityCode(born2031)).toBe(true);
    expect(containsPersonalIdentityCode(born2099)).toBe(true);
  });

  it('catches 1800s codes and leap days by their century', () => {
    expect(containsPersonalIdentityCode(code('010150', '+', '123'))).toBe(true);
    expect(containsPersonalIdentityCode(code('290200', 'A', '123'))).toBe(true); // 2000 is a leap year
    expect(containsPersonalIdentityCode(code('290200', '-', '123'))).toBe(false); // 1900 is not
    expect(containsPersonalIdentityCode(code('290296', 'Y', '123'))).toBe(true);
  });

  it('still lets lookalikes and ordinary contact text through', () => {
    expect(containsPersonalIdentityCode('131052–308U')).toBe(false); // wrong check character
    expect(containsPersonalIdentityCode('131352-308T')).toBe(false); // month 13
    expect(containsPersonalIdentityCode('1131052-308T')).toBe(false); // a digit before: part of a longer number
    expect(containsPersonalIdentityCode('131052-308T5')).toBe(false); // a digit after
    expect(containsPersonalIdentityCode('Uusi numero 09 1234 5678, avoinna ma–pe 9–15, Y-tunnus 1234567-8')).toBe(false);
    expect(containsPersonalIdentityCode('puh. 040 123 4567 tai 050–765 4321')).toBe(false);
    expect(containsPersonalIdentityCode('')).toBe(false);
  });
});

/** Blank characters a keyboard, a word processor or a copied web page may put between two characters. */
const SPACING: Record<string, string> = {
  space: ' ', 'no-break space': '\u00a0', tab: '\t', 'line feed': '\n', 'thin space': '\u2009',
  'narrow no-break space': '\u202f', 'figure space': '\u2007', 'ideographic space': '\u3000',
};
/** Invisible characters, also those Unicode does not call format characters (issue 19, M4). */
const INVISIBLE: Record<string, string> = {
  'U+034F combining grapheme joiner': '\u034f', 'U+FE0F variation selector-16': '\ufe0f', 'U+FE00 variation selector-1': '\ufe00',
  'U+E0100 variation selector-17': '\u{e0100}', 'U+3164 Hangul filler': '\u3164', 'U+FFA0 half-width Hangul filler': '\uffa0',
  'U+115F Hangul choseong filler': '\u115f', 'U+1160 Hangul jungseong filler': '\u1160', 'U+2800 braille blank': '\u2800',
  'U+180E Mongolian vowel separator': '\u180e', 'U+17B4 Khmer inherent vowel': '\u17b4', 'U+0301 combining acute': '\u0301',
  'U+20DD combining enclosing circle': '\u20dd', 'U+200B zero-width space': '\u200b', 'U+00AD soft hyphen': '\u00ad',
  'U+2061 function application': '\u2061', 'U+1D173 musical begin beam': '\u{1d173}', 'U+E0020 tag space': '\u{e0020}',
};

/** The text with `insert` put between characters `at - 1` and `at`. */
const insertAt = (text: string, at: number, insert: string) => `${text.slice(0, at)}${insert}${text.slice(at)}`;

describe('henkilötunnus guard: the audit\'s forms (issue 19, M4)', () => {
  it.each([
    ['a space before the check character', '131052-308 T'],
    ['spaces inside the date', '13 10 52-308T'],
    ['spaces everywhere', '1 3 1 0 5 2 - 3 0 8 T'],
    ['U+034F inside the date', '1310\u034f52-308T'],
    ['U+FE0F after a digit', '13105\ufe0f2-308T'],
    ['U+3164 as the separator', '131052\u3164308T'],
    ['U+3164 inside the date', '131\u3164052-308T'],
    ['a Cyrillic Т as the check character', '131052-308\u0422'],
    ['a lower-case Cyrillic т as the check character', '131052-308\u0442'],
  ])('catches a code with %s', (_name, text) => {
    expect(findPersonalIdentityCodes(`Asiakas ${text} soitti`)).toEqual(['131052-308T']);
  });

  it('catches every valid code with each blank or invisible character inserted at each position', () => {
    const inserts = { ...SPACING, ...INVISIBLE };
    const missed: string[] = [];
    let tried = 0;
    for (const valid of ['131052-308T', ...Object.values(VALID_CODES)]) {
      for (const [name, insert] of Object.entries(inserts)) {
        for (let at = 1; at < valid.length; at++) {
          tried++;
          const text = `Asiakas ${insertAt(valid, at, insert)} soitti`;
          if (!containsPersonalIdentityCode(text)) missed.push(`${valid} with ${name} at ${at}`);
        }
      }
    }
    expect(tried).toBeGreaterThan(3000);
    expect(missed).toEqual([]);
  });

  it('catches two invisible characters and a space together', () => {
    expect(containsPersonalIdentityCode('13\u034f10\ufe0f52 -\u3164308 T')).toBe(true);
  });
});

describe('henkilötunnus guard across fields (issue 19, M4)', () => {
  it('catches a code split over the suggestion and the comment, in either order, with blanks at the join', () => {
    expect(findPersonalIdentityCodesAcrossFields(['131052', '-308T'])).toEqual(['131052-308T']);
    expect(findPersonalIdentityCodesAcrossFields(['-308T', '131052'])).toEqual(['131052-308T']);
    expect(findPersonalIdentityCodesAcrossFields(['Asiakas 131052 ', '\n-308T soitti'])).toEqual(['131052-308T']);
    expect(findPersonalIdentityCodesAcrossFields(['hetu alkaa 1310', 'x', '52-308T'])).toEqual(['131052-308T']);
  });

  it('catches every valid code split at every position into two fields', () => {
    const missed: string[] = [];
    for (const valid of Object.values(VALID_CODES)) {
      for (let at = 1; at < valid.length; at++) {
        const [first, second] = [`Asiakas ${valid.slice(0, at)}`, `${valid.slice(at)} soitti`];
        if (findPersonalIdentityCodesAcrossFields([first, second]).length === 0) missed.push(`${first} | ${second}`);
        if (findPersonalIdentityCodesAcrossFields([second, first]).length === 0) missed.push(`${second} | ${first} (reversed)`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('finds a code in one field however long the other fields are', () => {
    const long = 'a'.repeat(2000);
    expect(findPersonalIdentityCodesAcrossFields([long, `${long} 131052-308T ${long}`])).toEqual(['131052-308T']);
    expect(findPersonalIdentityCodesAcrossFields([`${long}131052`, `-308T${long}`])).toEqual(['131052-308T']);
  });

  it('keeps "part of a longer number" when a long number is cut at the join window', () => {
    // 40 characters of the first field reach the join; the digits before them still count.
    const before = `${'9'.repeat(50)}131052`;
    expect(findPersonalIdentityCodesAcrossFields([before, '-308T'])).toEqual([]);
    expect(findPersonalIdentityCodesAcrossFields(['131052', `-308T${'9'.repeat(50)}`])).toEqual([]);
  });

  it('the background refuses a draft whose code is split over the suggestion and the comment', () => {
    expect(reportDraftSchema.safeParse(draft({ suggestion: '131052', comment: '-308T' })).success).toBe(false);
    expect(reportDraftSchema.safeParse(draft({ suggestion: '-308 T', comment: '13 10 52' })).success).toBe(false);
    expect(reportDraftSchema.safeParse(draft()).success).toBe(true);
  });

  it('a whole report (as the intake receives it) is checked across its strings, keys included', () => {
    expect(findPersonalIdentityCodesInReport({ ...REPORT, suggestion: '131052', comment: '-308T' })).toEqual(['131052-308T']);
    expect(findPersonalIdentityCodesInReport({ ...REPORT, extra: { '131052': '-308T' } })).toEqual(['131052-308T']);
    expect(findPersonalIdentityCodesInReport(REPORT)).toEqual([]);
    expect(findPersonalIdentityCodesInReport([{ note: 'x' }, ['13 10 52-308T']])).toEqual(['131052-308T']);
  });

  it('stays linear on a body of many small strings (neighbours only past 64 fields)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => String(i % 10));
    const started = performance.now();
    findPersonalIdentityCodesAcrossFields(many);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(findPersonalIdentityCodesAcrossFields([...many.map(() => 'x'), '131052', '-308T'])).toEqual(['131052-308T']);
  });
});

/** A small deterministic generator (mulberry32) so the false-positive sets are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('henkilötunnus guard: no false alarms on ordinary contact text (issue 19, M4)', () => {
  it.each([
    ['phone numbers', ['09 1234 5678', '040 123 4567', '050-765 4321', '040 123 45 67', '(09) 2525 0111', '010 506 5550', '0800 900 45', '116 016', '112', '0295 000 000', '09 310 44222', 'puh. 040 123 4567 tai 050–765 4321']],
    ['E.164 numbers', ['+358401234567', '+358 40 123 4567', '+35891234567', '+358 9 2525 0111', '+46701234567', '+358 (0)40 123 4567']],
    ['dates', ['13.10.1952', '13.10.52', '1.1.2026–31.12.2026', '2026-11-22', '22.11.2026 klo 10.15', '13/10/1952', 'vk 47/2026']],
    ['postal codes', ['01300 Vantaa', '00100 Helsinki', '04200 Kerava', 'PL 123, 00101 Helsinki']],
    ['business ids', ['Y-tunnus 1234567-8', '0201256-6', 'FI12345678', 'Y-tunnus: 2839113-7']],
    ['service hours', ['ma–pe 9–15', 'ma-to 8.00-16.00, pe 8-14', 'klo 12–16', 'ma–pe 8–20, la 10–14', '24/7', 'ti 13.00–15.30']],
  ])('lets %s through', (_kind, texts) => {
    for (const text of texts) expect(findPersonalIdentityCodes(text), text).toEqual([]);
    expect(findPersonalIdentityCodesAcrossFields(texts), texts.join(' | ')).toEqual([]);
  });

  it('lets 20,000 generated Finnish phone numbers in the usual forms through, alone and across fields', () => {
    const next = random(19);
    const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
    const forms = [
      () => `04${digits(1)} ${digits(3)} ${digits(4)}`,
      () => `050 ${digits(3)} ${digits(2)} ${digits(2)}`,
      () => `04${digits(1)}-${digits(3)} ${digits(4)}`,
      () => `04${digits(1)} ${digits(7)}`,
      () => `09 ${digits(4)} ${digits(4)}`,
      () => `0${digits(1)} ${digits(3)} ${digits(4)}`,
      () => `+358 4${digits(1)} ${digits(3)} ${digits(4)}`,
      () => `+3584${digits(8)}`,
      () => `04${digits(8)}`,
      () => `050${digits(7)}`,
      () => `04${digits(1)} ${digits(3)}-${digits(4)}`,
      () => `(09) ${digits(3)} ${digits(4)}`,
    ];
    const flagged: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const phone = forms[i % forms.length]!();
      if (containsPersonalIdentityCode(`Uusi numero ${phone}, avoinna ma–pe 9–15`)) flagged.push(phone);
    }
    expect(flagged).toEqual([]);
    const pairsFlagged: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const fields = [forms[i % forms.length]!(), forms[(i + 3) % forms.length]!()];
      if (findPersonalIdentityCodesAcrossFields(fields).length > 0) pairsFlagged.push(fields.join(' | '));
    }
    expect(pairsFlagged).toEqual([]);
  });

  it('takes bare or grouped mobile numbers for phone numbers, but still catches a code born on the 4th or 5th with its sign', () => {
    expect(containsPersonalIdentityCode('0501234567')).toBe(false);
    const fourth = code('040594', '-', '902');
    expect(containsPersonalIdentityCode(fourth)).toBe(true);
    expect(containsPersonalIdentityCode(fourth.replace('-', ' - '))).toBe(true);
    expect(containsPersonalIdentityCode(code('050505', 'A', '123'))).toBe(true);
  });

  it('lets every date of 1950 and 2026 in Finnish forms, and generated business ids, through', () => {
    const flagged: string[] = [];
    for (const year of [1950, 2026]) {
      for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day.setUTCDate(day.getUTCDate() + 1)) {
        const [d, m, y] = [day.getUTCDate(), day.getUTCMonth() + 1, day.getUTCFullYear()];
        const two = (n: number) => String(n).padStart(2, '0');
        for (const text of [`${d}.${m}.${y}`, `${two(d)}.${two(m)}.${String(y).slice(2)}`, `${two(d)}${two(m)}${String(y).slice(2)}`, `${y}-${two(m)}-${two(d)}`]) {
          if (containsPersonalIdentityCode(`syntynyt ${text}, soita 040 123 4567`)) flagged.push(text);
        }
      }
    }
    const next = random(8);
    for (let i = 0; i < 2_000; i++) {
      const body = String(Math.floor(next() * 10_000_000)).padStart(7, '0');
      const text = `Y-tunnus ${body}-${Math.floor(next() * 10)}`;
      if (containsPersonalIdentityCode(text)) flagged.push(text);
    }
    expect(flagged).toEqual([]);
  });
});
