import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { HANDBOOK_CATEGORIES } from './categories';
import { contactsOf } from './contacts';
import { normalisePhone } from './import-source';
import {
  AREAS,
  AUDIENCES,
  CHANNELS,
  LANGUAGES,
  VERIFIABLE_FIELDS,
  WEEKDAYS,
  catalogueV2Schema,
  type Address,
  type Catalogue,
  type OpeningHours,
  type Organisation,
  type Phone,
  type Service,
  type ServiceStatus,
} from './schema';

/**
 * Open Referral HSDS 3.0 out and in (docs/hsds.md). Finnish text goes in the HSDS fields;
 * what HSDS cannot say travels in extra fields, which HSDS allows, all prefixed `x_`:
 * - `x_translations` {sv?, en?: {name?, description?}} on services and organisations, and
 *   {sv?, en?: {description}} on phones (the label) and schedules (worded hours);
 * - `x_jarjestoopas` on services and organisations: our id and the facts HSDS has no field for
 *   (categories, target groups, audiences, areas, channels, keywords, cost, referral, sources,
 *   verifiedBy/verifiedFields, crisisHelp, notes);
 * - on schedules: `x_kind` (weekly / always / appointment / text), `x_holidays` (closed / open on
 *   Finnish public holidays), `x_closed` (an exception day with no hours), `x_phone_id` (the hours
 *   of one phone line: HSDS schedules belong to services and locations, not phones) and
 *   `x_timezone` ("Europe/Helsinki": opens_at/closes_at are Helsinki wall time, whose UTC offset
 *   changes with DST, so no fixed offset is written).
 * Pure: no clock, no I/O.
 */

/** Namespace of our UUIDv5 ids: the same record always gets the same HSDS id. */
const HSDS_NAMESPACE = uuidv5('https://github.com/jarjestoopas/hsds', uuidv5.URL);
const hsdsId = (...parts: Array<string | number>) => uuidv5(parts.join(':'), HSDS_NAMESPACE);

const STATUS_OUT: Record<ServiceStatus, string> = { active: 'active', temporarilyClosed: 'temporarily closed', ended: 'defunct' };
const STATUS_IN: Record<string, ServiceStatus> = { active: 'active', 'temporarily closed': 'temporarilyClosed', defunct: 'ended', inactive: 'ended' };
const HELSINKI = 'Europe/Helsinki';

type Json = Record<string, unknown>;
const defined = (entries: Json): Json => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== null));

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

type OtherLanguages = { sv?: string | undefined; en?: string | undefined } | undefined;

/** `x_translations`: each language's name and description (HSDS has one language per record). */
function translations(names: OtherLanguages, descriptions?: OtherLanguages): Json | undefined {
  const of = (language: 'sv' | 'en') => {
    const entry = defined({ name: names?.[language], description: descriptions?.[language] });
    return Object.keys(entry).length > 0 ? entry : undefined;
  };
  const out = defined({ sv: of('sv'), en: of('en') });
  return Object.keys(out).length > 0 ? out : undefined;
}

function phoneOut(phone: Phone, owner: { service_id?: string; organization_id?: string }, id: string): Json {
  return defined({ id, ...owner, number: phone.display, type: 'voice', description: phone.label, x_translations: translations(undefined, phone.labels) });
}

function schedulesOut(hours: OpeningHours, serviceId: string, key: string, phoneId?: string): Json[] {
  const base = (index: number | string) =>
    defined({
      id: hsdsId('schedule', key, index),
      service_id: serviceId,
      x_phone_id: phoneId,
      x_kind: hours.kind,
      x_holidays: hours.holidays,
      x_timezone: HELSINKI,
      x_translations: translations(undefined, hours.texts),
    });
  const description = hours.text;
  const out: Json[] = [];
  if (hours.kind === 'weekly') {
    hours.rules.forEach((rule, index) =>
      out.push({ ...base(index), freq: 'WEEKLY', wkst: 'MO', byday: rule.days.join(','), opens_at: rule.opens, closes_at: rule.closes, ...(description ? { description } : {}) }),
    );
  } else if (hours.kind === 'always') {
    out.push({ ...base('always'), freq: 'WEEKLY', wkst: 'MO', byday: WEEKDAYS.join(','), opens_at: '00:00', closes_at: '24:00', description: description ?? '24/7' });
  } else if (hours.kind === 'appointment') {
    out.push({ ...base('appointment'), attending_type: 'ajanvarauksella', description: description ?? 'ajanvarauksella' });
  } else {
    out.push({ ...base('text'), description: description ?? '' });
  }
  for (const exception of hours.exceptions) {
    out.push(
      defined({
        ...base(`exception-${exception.date}`),
        x_kind: 'exception',
        valid_from: exception.date,
        valid_to: exception.date,
        opens_at: exception.opens,
        closes_at: exception.closes,
        x_closed: exception.opens === undefined ? true : undefined,
        notes: exception.note,
      }),
    );
  }
  return out;
}

function addressOut(address: Address, serviceId: string, key: string): Json {
  const locationId = hsdsId('location', key);
  return {
    id: hsdsId('service-at-location', key),
    service_id: serviceId,
    location_id: locationId,
    location: defined({
      id: locationId,
      location_type: 'physical',
      name: address.label,
      addresses: [
        {
          id: hsdsId('address', key),
          location_id: locationId,
          // HSDS requires these keys; an empty string says "not given in our sources".
          address_1: address.street ?? '',
          city: address.city,
          state_province: '',
          postal_code: address.postalCode ?? '',
          country: 'FI',
          address_type: 'physical',
        },
      ],
    }),
  };
}

function organisationOut(organisation: Organisation): Json {
  const id = hsdsId('organization', organisation.id);
  return defined({
    id,
    name: organisation.name,
    alternate_name: organisation.shortName,
    // HSDS requires a description; we have none of our own for organisations.
    description: organisation.name,
    email: organisation.email,
    website: organisation.website,
    phones: organisation.phones.map((phone, index) => phoneOut(phone, { organization_id: id }, hsdsId('phone', organisation.id, index))),
    x_translations: translations(organisation.names),
    x_jarjestoopas: defined({
      id: organisation.id,
      keywords: organisation.keywords,
      sources: organisation.sources,
      notes: organisation.notes,
      phoneHours: organisation.phones.map((phone) => phone.hours ?? null),
      addresses: organisation.addresses,
      verifiedAt: organisation.verifiedAt,
      verifiedBy: organisation.verifiedBy,
      verifiedFields: organisation.verifiedFields,
      updatedAt: organisation.updatedAt,
    }),
  });
}

/** One HSDS 3.0 service object, with its organization and everything nested. */
function serviceToHsds(service: Service, organisation: Organisation, publishedAt: string): Json {
  const id = hsdsId('service', service.id);
  const phones = service.phones.map((phone, index) => phoneOut(phone, { service_id: id }, hsdsId('phone', service.id, index)));
  const schedules = [
    ...(service.hours ? schedulesOut(service.hours, id, service.id) : []),
    ...service.phones.flatMap((phone, index) => (phone.hours ? schedulesOut(phone.hours, id, `${service.id}:phone:${index}`, phones[index]!.id as string) : [])),
  ];
  const languageNames = new Intl.DisplayNames(['fi'], { type: 'language' });
  return defined({
    id,
    organization_id: hsdsId('organization', organisation.id),
    name: service.name,
    description: service.description,
    url: service.website,
    email: service.email,
    status: STATUS_OUT[service.status],
    fees_description: service.cost === 'free' ? 'Maksuton' : service.cost === 'fee' ? 'Maksullinen' : undefined,
    application_process: service.referral === 'none' ? 'Ei vaadi lähetettä' : service.referral === 'required' ? 'Vaatii lähetteen tai päätöksen' : undefined,
    eligibility_description: service.targetGroups.length > 0 ? service.targetGroups.join(', ') : undefined,
    assured_date: service.verifiedAt,
    last_modified: service.updatedAt ? `${service.updatedAt}T00:00:00Z` : publishedAt,
    phones,
    schedules,
    service_at_locations: service.addresses.map((address, index) => addressOut(address, id, `${service.id}:${index}`)),
    languages: service.languages.map((code) => ({ id: hsdsId('language', service.id, code), service_id: id, code, name: languageNames.of(code) ?? code })),
    contacts: service.email ? [{ id: hsdsId('contact', service.id), service_id: id, department: service.name, email: service.email }] : [],
    organization: organisationOut(organisation),
    x_translations: translations(service.names, service.descriptions),
    x_jarjestoopas: defined({
      id: service.id,
      organisationId: service.organisationId,
      categories: service.categories,
      targetGroups: service.targetGroups,
      audiences: service.audiences,
      keywords: service.keywords,
      channels: service.channels,
      areas: service.areas,
      cost: service.cost,
      referral: service.referral,
      sources: service.sources,
      verifiedBy: service.verifiedBy,
      verifiedFields: service.verifiedFields,
      crisisHelp: service.crisisHelp,
      // The kinds a nurse's card shows from the organisation (contactsOf, per kind): the
      // service's own fields above stay its own, so the round trip keeps them apart.
      contactsFromOrganisation: nonEmpty(contactsOf(service, organisation).fromOrganisation),
    }),
  });
}

export function exportHsds(catalogue: Catalogue): Json[] {
  const organisations = new Map(catalogue.organisations.map((organisation) => [organisation.id, organisation]));
  return catalogue.services.map((service) => serviceToHsds(service, organisations.get(service.organisationId)!, catalogue.publishedAt));
}

// ---------------------------------------------------------------------------------------------
// In: HSDS services (ours or another system's) → catalogue. Extra fields are used when present.

const hsdsTranslations = z.record(z.string(), z.looseObject({ name: z.string().optional(), description: z.string().optional() })).optional();
const hsdsPhone = z.looseObject({ id: z.string().optional(), number: z.string(), description: z.string().optional(), x_translations: hsdsTranslations });
const hsdsSchedule = z.looseObject({
  byday: z.string().optional(),
  opens_at: z.string().optional(),
  closes_at: z.string().optional(),
  valid_from: z.string().optional(),
  description: z.string().optional(),
  notes: z.string().optional(),
  attending_type: z.string().optional(),
  x_kind: z.string().optional(),
  x_holidays: z.enum(['closed', 'open']).optional(),
  x_closed: z.boolean().optional(),
  x_phone_id: z.string().optional(),
  x_translations: hsdsTranslations,
});
const hsdsAddress = z.looseObject({ address_1: z.string(), city: z.string(), postal_code: z.string() });
const hsdsOrganisation = z.looseObject({
  id: z.string(),
  name: z.string(),
  alternate_name: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
  phones: z.array(hsdsPhone).optional(),
  x_translations: hsdsTranslations,
  x_jarjestoopas: z.looseObject({}).optional(),
});
const hsdsService = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  url: z.string().optional(),
  email: z.string().optional(),
  status: z.string(),
  fees_description: z.string().optional(),
  application_process: z.string().optional(),
  eligibility_description: z.string().optional(),
  assured_date: z.string().optional(),
  phones: z.array(hsdsPhone).optional(),
  schedules: z.array(hsdsSchedule).optional(),
  service_at_locations: z
    .array(z.looseObject({ location: z.looseObject({ name: z.string().optional(), addresses: z.array(hsdsAddress).optional() }).optional() }))
    .optional(),
  languages: z.array(z.looseObject({ code: z.string().optional() })).optional(),
  organization: hsdsOrganisation,
  x_translations: hsdsTranslations,
  x_jarjestoopas: z.looseObject({}).optional(),
});
const hsdsServicesSchema = z.array(hsdsService);
type HsdsSchedule = z.infer<typeof hsdsSchedule>;

function namesIn(value: z.infer<typeof hsdsTranslations>) {
  return defined({ sv: value?.sv?.name, en: value?.en?.name }) as { sv?: string; en?: string };
}

/** Translated descriptions (or labels, worded hours): absent when there are none, as in our records. */
function descriptionsIn(value: z.infer<typeof hsdsTranslations>): { sv?: string; en?: string } | undefined {
  const out = defined({ sv: value?.sv?.description, en: value?.en?.description }) as { sv?: string; en?: string };
  return Object.keys(out).length > 0 ? out : undefined;
}

function phoneIn(phone: z.infer<typeof hsdsPhone>, hours?: OpeningHours): Phone {
  const labels = descriptionsIn(phone.x_translations);
  return {
    number: normalisePhone(phone.number),
    display: phone.number,
    ...(phone.description ? { label: phone.description } : {}),
    ...(labels ? { labels } : {}),
    ...(hours ? { hours } : {}),
  };
}

/** Schedules of one owner (the service, or one phone) back into opening hours. */
function hoursIn(schedules: readonly HsdsSchedule[]): OpeningHours | undefined {
  const regular = schedules.filter((schedule) => schedule.x_kind !== 'exception' && !schedule.valid_from);
  const exceptions = schedules
    .filter((schedule) => schedule.x_kind === 'exception' || schedule.valid_from)
    .map((schedule) =>
      defined({ date: schedule.valid_from, opens: schedule.x_closed ? undefined : schedule.opens_at, closes: schedule.x_closed ? undefined : schedule.closes_at, note: schedule.notes }),
    ) as OpeningHours['exceptions'];
  if (regular.length === 0) return undefined;
  const first = regular[0]!;
  const text = first.description;
  const texts = text ? descriptionsIn(first.x_translations) : undefined;
  const holidays = first.x_holidays ?? 'closed';
  const common = { holidays, exceptions, ...(text ? { text } : {}), ...(texts ? { texts } : {}) };
  const kind = first.x_kind ?? (first.byday && first.opens_at ? 'weekly' : first.attending_type ? 'appointment' : 'text');
  if (kind === 'always' || (first.opens_at === '00:00' && first.closes_at === '24:00' && first.byday === WEEKDAYS.join(','))) {
    // "24/7" is what the export writes when the source said nothing more.
    return { kind: 'always', rules: [], holidays: first.x_holidays ?? 'open', exceptions, ...(text && text !== '24/7' ? { text, ...(texts ? { texts } : {}) } : {}) };
  }
  if (kind === 'appointment') return { kind: 'appointment', rules: [], ...common };
  if (kind === 'weekly') {
    const rules = regular.map((schedule) => ({
      days: (schedule.byday ?? '').split(',').filter(Boolean) as OpeningHours['rules'][number]['days'],
      opens: (schedule.opens_at ?? '').slice(0, 5),
      closes: (schedule.closes_at ?? '').slice(0, 5),
    }));
    return { kind: 'weekly', rules, ...common };
  }
  return { kind: 'text', rules: [], ...common, text: text ?? '' };
}

const extras = z.looseObject({
  id: z.string().optional(),
  categories: z.array(z.string()).optional(),
  targetGroups: z.array(z.string()).optional(),
  audiences: z.array(z.enum(AUDIENCES)).optional(),
  keywords: z.array(z.string()).optional(),
  channels: z.array(z.enum(CHANNELS)).optional(),
  areas: z.array(z.enum(AREAS)).optional(),
  cost: z.enum(['free', 'fee', 'unknown']).optional(),
  referral: z.enum(['none', 'required', 'unknown']).optional(),
  sources: z.array(z.string()).optional(),
  notes: z.string().optional(),
  phoneHours: z.array(z.unknown()).optional(),
  addresses: z.array(z.unknown()).optional(),
  verifiedAt: z.string().nullable().optional(),
  verifiedBy: z.string().optional(),
  verifiedFields: z.array(z.enum(VERIFIABLE_FIELDS)).optional(),
  updatedAt: z.string().optional(),
  crisisHelp: z.array(z.string()).optional(),
});

export interface HsdsImportOptions {
  region: string;
  revision: number;
  publishedAt: string;
  maintainer: Catalogue['maintainer'];
  /** For services from another HSDS system, which do not carry our extra fields. */
  defaultAreas: Catalogue['services'][number]['areas'];
  defaultCategory: string;
}

/**
 * HSDS services → a validated catalogue. Our own export comes back whole (round trip); another
 * system's services get the default area and category and `unknown` cost and referral, and
 * their source is the HSDS service's own page (url) when it has one.
 */
export function importHsds(data: unknown, options: HsdsImportOptions): Catalogue {
  const services = hsdsServicesSchema.parse(data);
  const organisations = new Map<string, Organisation>();
  const out: Service[] = [];
  for (const hsds of services) {
    const orgExtras = extras.parse(hsds.organization.x_jarjestoopas ?? {});
    const organisationId = orgExtras.id ?? `hsds-${hsds.organization.id}`;
    if (!organisations.has(organisationId)) {
      const phoneHours = orgExtras.phoneHours ?? [];
      organisations.set(organisationId, {
        id: organisationId,
        name: hsds.organization.name,
        ...(hsds.organization.alternate_name ? { shortName: hsds.organization.alternate_name } : {}),
        names: namesIn(hsds.organization.x_translations),
        ...(hsds.organization.website ? { website: hsds.organization.website } : {}),
        ...(hsds.organization.email ? { email: hsds.organization.email } : {}),
        phones: (hsds.organization.phones ?? []).map((phone, index) => phoneIn(phone, (phoneHours[index] ?? undefined) as OpeningHours | undefined)),
        addresses: (orgExtras.addresses ?? []) as Address[],
        keywords: orgExtras.keywords ?? [],
        verifiedAt: orgExtras.verifiedAt ?? null,
        ...(orgExtras.verifiedBy ? { verifiedBy: orgExtras.verifiedBy } : {}),
        verifiedFields: orgExtras.verifiedFields ?? [],
        ...(orgExtras.updatedAt ? { updatedAt: orgExtras.updatedAt } : {}),
        sources: orgExtras.sources ?? (hsds.organization.website ? [hsds.organization.website] : []),
        ...(orgExtras.notes ? { notes: orgExtras.notes } : {}),
      });
    }
    const x = extras.parse(hsds.x_jarjestoopas ?? {});
    const schedules = hsds.schedules ?? [];
    const hours = hoursIn(schedules.filter((schedule) => !schedule.x_phone_id));
    const languages = (hsds.languages ?? []).map((language) => language.code).filter((code): code is (typeof LANGUAGES)[number] => (LANGUAGES as readonly string[]).includes(code ?? ''));
    const phones = (hsds.phones ?? []).map((phone) => phoneIn(phone, hoursIn(schedules.filter((schedule) => schedule.x_phone_id !== undefined && schedule.x_phone_id === phone.id))));
    const addresses: Address[] = (hsds.service_at_locations ?? []).flatMap((at) =>
      (at.location?.addresses ?? []).map((address) => ({
        ...(address.address_1 ? { street: address.address_1 } : {}),
        ...(address.postal_code ? { postalCode: address.postal_code } : {}),
        city: address.city,
        ...(at.location?.name ? { label: at.location.name } : {}),
      })),
    );
    out.push({
      id: x.id ?? `hsds-${hsds.id}`,
      organisationId,
      name: hsds.name,
      names: namesIn(hsds.x_translations),
      description: hsds.description ?? hsds.name,
      ...(descriptionsIn(hsds.x_translations) ? { descriptions: descriptionsIn(hsds.x_translations) } : {}),
      categories: x.categories ?? [options.defaultCategory],
      targetGroups: x.targetGroups ?? (hsds.eligibility_description ? hsds.eligibility_description.split(/\s*,\s*/) : []),
      audiences: x.audiences ?? [],
      keywords: x.keywords ?? [],
      languages,
      channels: x.channels ?? [],
      cost: x.cost ?? 'unknown',
      referral: x.referral ?? 'unknown',
      areas: x.areas ?? options.defaultAreas,
      status: STATUS_IN[hsds.status] ?? 'active',
      phones,
      ...(hsds.email ? { email: hsds.email } : {}),
      ...(hsds.url ? { website: hsds.url } : {}),
      addresses,
      ...(hours ? { hours } : {}),
      verifiedAt: hsds.assured_date ?? null,
      ...(x.verifiedBy ? { verifiedBy: x.verifiedBy } : {}),
      verifiedFields: x.verifiedFields ?? [],
      sources: x.sources ?? (hsds.url ? [hsds.url] : []),
      ...(x.crisisHelp ? { crisisHelp: x.crisisHelp } : {}),
    });
  }
  return catalogueV2Schema.parse({
    schemaVersion: 2,
    revision: options.revision,
    publishedAt: options.publishedAt,
    region: options.region,
    maintainer: options.maintainer,
    categories: HANDBOOK_CATEGORIES,
    organisations: [...organisations.values()],
    services: out,
  });
}
