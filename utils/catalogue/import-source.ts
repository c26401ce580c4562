import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { parseHoursText } from '../hours/parse';
import { HANDBOOK_CATEGORIES } from './categories';
import { phoneDisplayIssues } from './phone-display';
import {
  AREAS,
  catalogueV2Schema,
  VERIFIABLE_FIELDS,
  siteSchema,
  type Address,
  type Audience,
  type Catalogue,
  type Language,
  type Organisation,
  type Phone,
  type Service,
} from './schema';

/**
 * Turns the gathered source facts (`organisations.json`: one record per organisation with its
 * services, need keywords, sources and doubts) into the bundled catalogue. Runs in the
 * maintainer's CLI, never in the browser.
 */

const sourcePhoneSchema = z.object({ number: z.string(), label: z.string().nullish(), hours: z.string().nullish() });
const sourceAddressSchema = z.object({
  street: z.string().nullish(),
  postalCode: z.string().nullish(),
  city: z.string(),
  label: z.string().nullish(),
});
/** Some records use null and others [] for an empty list: both mean none. */
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((value) => value ?? []);
const sourceServiceSchema = z.object({
  name: z.string(),
  description: z.string(),
  categories: z.array(z.string()),
  targetGroups: z.array(z.string()),
  channels: z.array(z.string()),
  languages: z.array(z.string()).optional(),
  free: z.boolean().optional(),
  noReferral: z.boolean().optional(),
  // Since 2026-12-03: the service's own contact facts, with the pages they came from.
  phones: list(sourcePhoneSchema),
  email: z.string().nullish(),
  website: z.string().nullish(),
  addresses: list(sourceAddressSchema),
  hours: z.string().nullish(),
  sources: list(z.string()),
});
const sourceOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().optional(),
  nameSv: z.string().optional(),
  nameEn: z.string().optional(),
  website: z.string().optional(),
  email: z.string().optional(),
  phones: list(sourcePhoneSchema),
  addresses: list(sourceAddressSchema),
  services: z.array(sourceServiceSchema),
  needKeywords: z.array(z.string()),
  sources: z.array(z.string()),
  notes: z.string().optional(),
  unverified: z.boolean().optional(),
});
const sourceFileSchema = z.array(sourceOrganisationSchema);

const curationSchema = z.object({
  region: z.string(),
  /** Who keeps the catalogue; the report address is a deployment setting, not bundled data. */
  maintainer: z.object({ name: z.string(), email: z.string().optional(), reportUrl: z.string().optional() }),
  areas: z.record(z.string(), z.array(z.enum(AREAS))),
  /**
   * Organisation or service id → who confirmed which facts with the organisation, and when.
   * An organisation's entry covers its services that have no entry of their own.
   */
  verified: z
    .record(z.string(), z.object({ at: z.iso.date(), by: z.string().min(1), fields: z.array(z.enum(VERIFIABLE_FIELDS)).min(1) }))
    .optional(),
  /** Where info sessions happen (health stations, Kela offices, …); sessions come from the booking sheet. */
  sites: z.array(siteSchema).optional(),
  /** Source record id → the organisation it duplicates: one organisation, not two (e.g. MIELI's
   *  crisis line is a service of MIELI ry). Its need words and sources join that organisation. */
  sameOrganisation: z.record(z.string(), z.string()).optional(),
  /** Misspelled need words in the sources → the right spelling (whole words). */
  keywordSpelling: z.record(z.string(), z.string()).optional(),
  /** Service id → the crisis needs (data/crisis-needs.json) it is crisis help for. */
  crisisHelp: z.record(z.string(), z.array(z.string()).min(1)).optional(),
});

type SourceOrganisation = z.infer<typeof sourceOrganisationSchema>;
type Curation = z.infer<typeof curationSchema>;

const CHANNEL_IDS: Record<string, Service['channels'][number]> = {
  kasvokkain: 'kasvokkain',
  'ryhmä': 'ryhma',
  puhelin: 'puhelin',
  chat: 'chat',
  verkko: 'verkko',
};

const LANGUAGE_IDS: Record<string, Language> = {
  suomi: 'fi',
  ruotsi: 'sv',
  englanti: 'en',
  ukraina: 'uk',
  'venäjä': 'ru',
  arabia: 'ar',
  somali: 'so',
  viro: 'et',
};

/** Word stems in the handbook's target-group phrases → the filterable audience. */
const AUDIENCE_RULES: Array<[RegExp, Audience]> = [
  [/läheis|omais|perhee?n jäsen|vankien läheiset|pelaajien läheiset/, 'laheiset'],
  [/lapsi|lapse|perhe|vanhemm|äidit|yksinhuolta/, 'lapsiperheet'],
  [/nuor|opiskelij|15–29|18–35|alle 29/, 'nuoret'],
  [/ikäänty|ikäihmi|senior|vanhus/, 'ikaantyneet'],
  [/aikuis|työikäi|työttöm|palkansaaj|osatyökykyi|pienyrittäj/, 'aikuiset'],
  [/maahan/, 'maahanmuuttajat'],
  [/ruotsinkiel/, 'ruotsinkieliset'],
  [/naiset|naisille/, 'naiset'],
  [/ammattilai/, 'ammattilaiset'],
];

export function audiencesOf(targetGroups: readonly string[]): Audience[] {
  const found = new Set<Audience>();
  for (const group of targetGroups) {
    const lower = group.toLocaleLowerCase('fi');
    for (const [pattern, audience] of AUDIENCE_RULES) if (pattern.test(lower)) found.add(audience);
  }
  return [...found].sort();
}

/** E.164 for Finnish numbers; service numbers (116 016, 18182) stay as plain digits. */
export function normalisePhone(printed: string): string {
  const parsed = parsePhoneNumberFromString(printed, 'FI');
  if (parsed?.isValid()) return parsed.number;
  const digits = printed.replace(/[^0-9+]/g, '');
  if (/^[0-9]{3,6}$/.test(digits)) return digits;
  throw new Error(`phone "${printed}" is neither a valid Finnish number nor a service number`);
}

function slugify(text: string): string {
  return text
    .toLocaleLowerCase('fi')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function uniqueServiceId(organisationId: string, name: string, taken: Set<string>): string {
  const base = `${organisationId}--${slugify(name).split('-').slice(0, 5).join('-')}`.replace(/--/g, '-');
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

function toPhone(source: z.infer<typeof sourcePhoneSchema>): Phone {
  return {
    number: normalisePhone(source.number),
    display: source.number.trim(),
    ...(source.label ? { label: source.label } : {}),
    ...(source.hours ? { hours: parseHoursText(source.hours) } : {}),
  };
}

function toAddress(source: z.infer<typeof sourceAddressSchema>): Address {
  return {
    ...(source.street ? { street: source.street } : {}),
    ...(source.postalCode ? { postalCode: source.postalCode } : {}),
    city: source.city,
    ...(source.label ? { label: source.label } : {}),
  };
}

const httpUrl = (value: string | null | undefined) => (value && /^https?:\/\//.test(value) ? value : undefined);

type Verification = Pick<Organisation, 'verifiedAt' | 'verifiedBy' | 'verifiedFields'>;
const UNVERIFIED: Verification = { verifiedAt: null, verifiedFields: [] };
function verificationOf(curation: Curation, id: string): Verification | undefined {
  const entry = curation.verified?.[id];
  return entry ? { verifiedAt: entry.at, verifiedBy: entry.by, verifiedFields: entry.fields } : undefined;
}

function toOrganisation(source: SourceOrganisation, verification: Verification): Organisation {
  const website = source.website && /^https?:\/\//.test(source.website) ? source.website : undefined;
  return {
    id: source.id,
    name: source.name,
    ...(source.shortName ? { shortName: source.shortName } : {}),
    names: { ...(source.nameSv ? { sv: source.nameSv } : {}), ...(source.nameEn ? { en: source.nameEn } : {}) },
    ...(website ? { website } : {}),
    ...(source.email ? { email: source.email } : {}),
    phones: source.phones.map(toPhone),
    addresses: source.addresses.map(toAddress),
    keywords: source.needKeywords,
    // Gathered from public pages: unverified until a person confirms it (curation.json).
    ...verification,
    sources: source.sources,
    ...(source.notes ? { notes: source.notes } : {}),
  };
}

export interface ImportOptions {
  revision: number;
  publishedAt: string;
}

export function importSource(sourceJson: unknown, curationJson: unknown, options: ImportOptions): Catalogue {
  const organisationsIn = sourceFileSchema.parse(sourceJson);
  const curation = curationSchema.parse(curationJson);
  const taken = new Set<string>();
  const organisations: Organisation[] = [];
  const services: Service[] = [];

  const duplicates = curation.sameOrganisation ?? {};
  for (const [duplicate, target] of Object.entries(duplicates)) {
    if (!organisationsIn.some((source) => source.id === duplicate)) throw new Error(`curation.json sameOrganisation: no source record "${duplicate}"`);
    if (!organisationsIn.some((source) => source.id === target)) throw new Error(`curation.json sameOrganisation: no source record "${target}"`);
  }
  const joined = (target: SourceOrganisation, field: 'needKeywords' | 'sources') => [
    ...new Set([target[field], ...organisationsIn.filter((source) => duplicates[source.id] === target.id).map((source) => source[field])].flat()),
  ];
  for (const original of organisationsIn) {
    if (duplicates[original.id]) continue;
    const spelling = curation.keywordSpelling ?? {};
    const needKeywords = joined(original, 'needKeywords').map((keyword) =>
      keyword.replace(/[\p{L}]+/gu, (word) => spelling[word] ?? word),
    );
    const source = { ...original, needKeywords, sources: joined(original, 'sources') };
    const organisationVerification = verificationOf(curation, source.id) ?? UNVERIFIED;
    organisations.push(toOrganisation(source, organisationVerification));
    // Records with no gathered facts keep their organisation (sessions may name it) but
    // contribute no services, so nothing unsourced ever appears in results.
    if (source.unverified || source.sources.length === 0) continue;
    const areas = curation.areas[source.id];
    if (!areas) throw new Error(`curation.json has no areas for organisation "${source.id}"`);
    for (const service of source.services) {
      const id = uniqueServiceId(source.id, service.name, taken);
      const website = httpUrl(service.website);
      const own = { phones: service.phones.map(toPhone), addresses: service.addresses.map(toAddress) };
      const hasOwn = own.phones.length > 0 || own.addresses.length > 0 || Boolean(service.email || website);
      // Every contact keeps its source: a service's own facts need the pages they came from.
      if ((hasOwn || service.hours) && service.sources.length === 0) {
        throw new Error(`service "${service.name}" of ${source.id} has its own contacts or hours but no sources`);
      }
      services.push({
        id,
        organisationId: source.id,
        name: service.name,
        names: {},
        description: service.description,
        categories: service.categories,
        targetGroups: service.targetGroups,
        audiences: audiencesOf(service.targetGroups),
        keywords: [],
        languages: (service.languages ?? []).map((language) => {
          const code = LANGUAGE_IDS[language];
          if (!code) throw new Error(`unknown language "${language}" in ${source.id}`);
          return code;
        }),
        channels: service.channels.map((channel) => {
          const code = CHANNEL_IDS[channel];
          if (!code) throw new Error(`unknown channel "${channel}" in ${source.id}`);
          return code;
        }),
        cost: service.free ? 'free' : 'unknown',
        referral: service.noReferral ? 'none' : 'unknown',
        areas,
        status: 'active',
        phones: own.phones,
        ...(service.email ? { email: service.email } : {}),
        ...(website ? { website } : {}),
        addresses: own.addresses,
        ...(service.hours ? { hours: parseHoursText(service.hours) } : {}),
        ...(verificationOf(curation, id) ?? organisationVerification),
        // The service's own pages first (its contacts), then the organisation's.
        sources: [...new Set([...service.sources, ...source.sources])],
      });
    }
  }

  for (const [serviceId, needs] of Object.entries(curation.crisisHelp ?? {})) {
    const service = services.find((candidate) => candidate.id === serviceId);
    if (!service) throw new Error(`curation.json crisisHelp: no service "${serviceId}"`);
    service.crisisHelp = needs;
  }

  const catalogue = catalogueV2Schema.parse({
    schemaVersion: 2,
    revision: options.revision,
    publishedAt: options.publishedAt,
    region: curation.region,
    maintainer: curation.maintainer,
    categories: HANDBOOK_CATEGORIES,
    organisations,
    services,
    sites: curation.sites ?? [],
  });
  const wrongPhones = phoneDisplayIssues(catalogue);
  if (wrongPhones.length > 0) throw new Error(wrongPhones.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  return catalogue;
}
