import { describe, expect, it } from 'vitest';
import { containsPersonalIdentityCode, findPersonalIdentityCodes } from '@/utils/reports/guard';
import { VALID_CODES } from './reports-fixtures';

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
