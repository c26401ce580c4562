/**
 * Languages in the HSDS API (docs/hsds.md, "API"). HSDS 3.0 has one text per field and no
 * translation mechanism; it allows extra properties. So every answer carries the other
 * languages in `x_translations` (./hsds.ts), and a client that sends `Accept-Language: sv` (or
 * en) gets that language in the HSDS text fields themselves, field by field where the record has
 * it, with `Content-Language` saying which language was chosen. Nothing is lost: a Finnish text
 * that was replaced moves into `x_translations.fi`; a field without an entry there is Finnish.
 * Pure: no I/O.
 */
import { UI_LANGUAGES, type UiLanguage } from '../i18n/language';
import type { HsdsJson } from './hsds-api';

/**
 * The language of the answer from an Accept-Language header (RFC 9110 12.5.4): the supported
 * language with the highest weight, Finnish on a tie with it, when nothing matches or q=0 only.
 */
export function hsdsLanguageFor(acceptLanguage: string | undefined): UiLanguage {
  if (!acceptLanguage) return 'fi';
  let best: { language: UiLanguage; q: number; order: number } | undefined;
  acceptLanguage.split(',').forEach((part, order) => {
    const [range = '', ...params] = part.trim().split(';');
    const qParam = params.map((param) => param.trim()).find((param) => /^q=/i.test(param));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) return;
    const primary = range.trim().toLowerCase().split('-')[0]!;
    const language = primary === '*' ? 'fi' : (UI_LANGUAGES as readonly string[]).includes(primary) ? (primary as UiLanguage) : undefined;
    if (!language) return;
    if (!best || q > best.q || (q === best.q && order < best.order)) best = { language, q, order };
  });
  return best?.language ?? 'fi';
}

type Translation = { name?: string; description?: string };

/** One object's `name`/`description` in `language`; the replaced Finnish texts go into `x_translations.fi`. */
function localiseTexts(object: HsdsJson, language: Exclude<UiLanguage, 'fi'>, { descriptionIsName = false } = {}): HsdsJson {
  const translations = object.x_translations as Partial<Record<UiLanguage, Translation>> | undefined;
  const wanted = translations?.[language];
  if (!translations || !wanted) return object;
  const out: HsdsJson = { ...object };
  const finnish: Translation = {};
  if (wanted.name !== undefined && typeof object.name === 'string') {
    finnish.name = object.name;
    out.name = wanted.name;
  }
  // An organization without a description of its own repeats its name there (HSDS requires one).
  const description = wanted.description ?? (descriptionIsName && object.description === object.name ? wanted.name : undefined);
  if (description !== undefined && typeof object.description === 'string') {
    finnish.description = object.description;
    out.description = description;
  }
  const { [language]: _chosen, ...others } = translations;
  out.x_translations = Object.keys(finnish).length > 0 ? { fi: finnish, ...others } : others;
  return out;
}

/** Fixed phrases the export writes in Finnish (./hsds.ts), by the fact they stand for. */
const PHRASES: Record<string, Record<Exclude<UiLanguage, 'fi'>, string>> = {
  Maksuton: { sv: 'Avgiftsfri', en: 'Free of charge' },
  Maksullinen: { sv: 'Avgiftsbelagd', en: 'Subject to a charge' },
  'Ei vaadi lähetettä': { sv: 'Ingen remiss behövs', en: 'No referral needed' },
  'Vaatii lähetteen tai päätöksen': { sv: 'Kräver remiss eller beslut', en: 'Requires a referral or a decision' },
  ajanvarauksella: { sv: 'med tidsbokning', en: 'by appointment' },
};
const phrase = (value: unknown, language: Exclude<UiLanguage, 'fi'>) => (typeof value === 'string' ? (PHRASES[value]?.[language] ?? value) : value);

const mapArray = (value: unknown, each: (item: HsdsJson) => HsdsJson) => (Array.isArray(value) ? (value as HsdsJson[]).map(each) : value);

/** An exported HSDS service (full or list item) with its texts in `language` where it has them. */
export function localiseHsdsService(service: HsdsJson, language: UiLanguage): HsdsJson {
  if (language === 'fi') return service;
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  const phones = (item: HsdsJson) => localiseTexts(item, language);
  const out: HsdsJson = localiseTexts(service, language);
  for (const key of ['fees_description', 'application_process'] as const) if (key in out) out[key] = phrase(out[key], language);
  if ('phones' in out) out.phones = mapArray(out.phones, phones);
  if ('schedules' in out) {
    out.schedules = mapArray(out.schedules, (schedule) => {
      const localised = localiseTexts(schedule, language);
      return { ...localised, description: phrase(localised.description, language), ...('attending_type' in localised ? { attending_type: phrase(localised.attending_type, language) } : {}) };
    });
  }
  if ('languages' in out) out.languages = mapArray(out.languages, (entry) => ({ ...entry, name: languageNames.of(String(entry.code)) ?? entry.name }));
  // The contact's department is the service's name (./hsds.ts).
  if ('contacts' in out) out.contacts = mapArray(out.contacts, (contact) => (contact.department === service.name ? { ...contact, department: out.name } : contact));
  if (out.organization && typeof out.organization === 'object') {
    const organization = localiseTexts(out.organization as HsdsJson, language, { descriptionIsName: true });
    out.organization = 'phones' in organization ? { ...organization, phones: mapArray(organization.phones, phones) } : organization;
  }
  return out;
}
