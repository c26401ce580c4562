import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, MESSAGES, plural, resolveUiLanguage } from '@/utils/i18n/messages';
import { UI_LANGUAGES } from '@/utils/i18n/language';
import { ROOT } from './helpers';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const source = [...['components', 'utils', 'entrypoints'].flatMap((folder) => sourceFiles(resolve(ROOT, folder))), resolve(ROOT, 'wxt.config.ts')]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

/** A key is used when the code names it, builds it from a prefix, or the manifest refers to it. */
function isUsed(key: string): boolean {
  if (source.includes(`'${key}'`) || source.includes(`__MSG_${key}__`)) return true;
  const dynamic = /^(.+_)[^_]+$/.exec(key);
  if (dynamic && source.includes(`\`${dynamic[1]}\${`)) return true;
  const pluralBase = /^(.+)_(one|other)$/.exec(key);
  return Boolean(pluralBase && source.includes(`'${pluralBase[1]}'`));
}

describe('locales (meta test)', () => {
  const finnishKeys = Object.keys(MESSAGES.fi).sort();

  it.each(UI_LANGUAGES)('%s has exactly the Finnish keys, none empty', (language) => {
    expect(Object.keys(MESSAGES[language]).sort()).toEqual(finnishKeys);
    for (const [key, { message }] of Object.entries(MESSAGES[language])) expect(message.trim(), key).not.toBe('');
  });

  it.each(UI_LANGUAGES)('%s uses the same substitutions as Finnish', (language) => {
    for (const key of finnishKeys) {
      const placeholders = (text: string) => [...text.matchAll(/\$[1-9]/g)].map((match) => match[0]).sort();
      expect(placeholders(MESSAGES[language][key]!.message), key).toEqual(placeholders(MESSAGES.fi[key]!.message));
    }
  });

  it('has no unused key', () => {
    expect(finnishKeys.filter((key) => !isUsed(key))).toEqual([]);
  });
});

describe('translating', () => {
  it('fills substitutions and picks plural forms by language', () => {
    const t = createTranslator('fi');
    expect(t('noResults', 'xyz')).toBe('Ei osumia haulle ”xyz”.');
    expect(plural(t, 'fi', 'resultCount', 1)).toBe('1 palvelu');
    expect(plural(t, 'fi', 'resultCount', 3)).toBe('3 palvelua');
    expect(plural(createTranslator('sv'), 'sv', 'resultCount', 1)).toBe('1 tjänst');
  });

  it('follows the browser language unless the nurse chose one', () => {
    expect(resolveUiLanguage('auto', 'sv-FI')).toBe('sv');
    expect(resolveUiLanguage('auto', 'de-DE')).toBe('fi');
    expect(resolveUiLanguage('en', 'fi-FI')).toBe('en');
  });
});
