import { LANGUAGES, TEXT_LIMITS, type Area, type Language } from '@jarjestoopas/utils/catalogue/schema';
import type { CollectedService } from '../collect';
import type { PtvChannel, PtvOrganisation, PtvService } from '../client/records';
import { audiencesOf, categoriesOf, codeOf, targetGroupByCode } from '../codes/mapping';
import { contactsOf } from './contacts';
import { toOpeningHours } from './hours';
import { byLanguage, oneLine, preferred, TEXT_LANGUAGES, type Localised } from './texts';
import type { PtvDraft } from './record';

/** PTV's organisation type for NGOs; the PTV user interface calls it "Järjestöt ja yhteisöt". */
const NGO_ORGANISATION_TYPE = 'Organization';
const NGO_TYPE_NAMES = new Set([NGO_ORGANISATION_TYPE, 'Järjestöt ja yhteisöt']);

const AREA_OF_MUNICIPALITY: Record<string, Area> = { '092': 'vantaa', '245': 'kerava' };

export interface MappedService {
  ptvId: string;
  /** Set when the service is not imported (not an NGO's, not published). */
  skipReason?: string;
  draft: PtvDraft;
}

export interface MapOptions {
  /** Helsinki calendar date (YYYY-MM-DD): exceptional hours before it are history. */
  today: string;
}

function cleanTexts(texts: Localised, max: number, what: string, notes: string[]): Localised {
  const result: Localised = {};
  for (const language of TEXT_LANGUAGES) {
    const value = texts[language];
    if (!value) continue;
    const { text, cut } = oneLine(value, max);
    if (cut) notes.push(`${what} (${language}) was longer than ${max} characters: cut`);
    if (text.length >= 2) result[language] = text;
  }
  return result;
}

/** The organisation responsible for the service (a service names it again as Producer). */
function responsibleOf(service: PtvService, organisations: Map<string, PtvOrganisation>) {
  const role = service.organizations.find((item) => item.roleType === 'Responsible' && item.organization) ?? service.organizations.find((item) => item.organization);
  if (!role?.organization) return null;
  return { id: role.organization.id, nameOnService: role.organization.name, record: organisations.get(role.organization.id) ?? null };
}

function municipalitiesOf(service: PtvService, listedIn: readonly string[]): string[] {
  const own = service.areas.flatMap((area) =>
    area.type === 'Municipality' ? [...(area.code ? [area.code] : []), ...area.municipalities.flatMap((item) => item.code ?? [])] : [],
  );
  return [...new Set([...listedIn, ...own])].filter((code) => /^[0-9]{3}$/u.test(code)).sort();
}

function areasOf(service: PtvService, municipalities: readonly string[]): Area[] {
  const areas = new Set<Area>(municipalities.flatMap((code) => AREA_OF_MUNICIPALITY[code] ?? []));
  if (service.areaType === 'Nationwide' || service.areaType === 'NationwideExceptAlandIslands') areas.add('suomi');
  // Uusimaa's region code is 01 (maakunta).
  if (service.areas.some((area) => area.type === 'Province' && area.code === '01')) areas.add('uusimaa');
  return [...areas];
}

const COST: Record<string, PtvDraft['cost']> = { FreeOfCharge: 'free', Chargeable: 'fee' };

/** Hours of the first channel that has any: a visiting address first, then a phone line. */
function hoursOf(channels: readonly PtvChannel[], today: string) {
  const order = ['ServiceLocation', 'Phone', 'EChannel', 'WebPage'];
  const sorted = [...channels].sort((a, b) => order.indexOf(a.serviceChannelType ?? '') - order.indexOf(b.serviceChannelType ?? ''));
  for (const channel of sorted) {
    const hours = toOpeningHours(channel.serviceHours, today);
    if (hours) return hours;
  }
  return undefined;
}

/** One PTV service (with its channels and organisations) as a workbench draft, or skipped with the reason. */
export function mapService(collected: CollectedService, options: MapOptions): MappedService {
  const { service, channels, organisations, listedIn } = collected;
  const notes: string[] = [];
  const responsible = responsibleOf(service, organisations);
  const organisationNames = cleanTexts(byLanguage(responsible?.record?.organizationNames ?? [], 'Name'), TEXT_LIMITS.short, 'organisation name', notes);
  const classes = service.serviceClasses.flatMap((entry) => {
    const code = codeOf(entry);
    return code ? [{ code, uri: entry.newUri ?? entry.uri }] : [];
  });
  const groups = service.targetGroups.flatMap((entry) => {
    const code = codeOf(entry);
    return code ? [{ code, uri: entry.newUri ?? entry.uri }] : [];
  });
  const classCodes = classes.map((entry) => entry.code);
  const groupCodes = groups.map((entry) => entry.code);
  const municipalities = municipalitiesOf(service, listedIn);
  const contacts = contactsOf(channels, notes);
  const hours = hoursOf(channels, options.today);
  const draft: PtvDraft = {
    ptvId: service.id,
    modified: service.modified,
    organisation: {
      ptvId: responsible?.id ?? '',
      name: preferred(organisationNames) ?? responsible?.nameOnService ?? '',
      names: organisationNames,
      businessCode: responsible?.record?.businessCode ?? null,
      type: responsible?.record?.organizationType ?? null,
    },
    names: cleanTexts(byLanguage(service.serviceNames, 'Name'), TEXT_LIMITS.short, 'name', notes),
    summaries: cleanTexts(byLanguage(service.serviceDescriptions, 'Summary'), TEXT_LIMITS.long, 'summary', notes),
    descriptions: cleanTexts(byLanguage(service.serviceDescriptions, 'Description'), TEXT_LIMITS.long, 'description', notes),
    languages: service.languages.filter((language): language is Language => (LANGUAGES as readonly string[]).includes(language)),
    ...contacts,
    ...(hours ? { hours } : {}),
    municipalities,
    areas: areasOf(service, municipalities),
    categories: categoriesOf(classCodes),
    audiences: audiencesOf(groupCodes, classCodes),
    targetGroups: groupCodes.flatMap((code) => targetGroupByCode(code)?.fi ?? []),
    ptvServiceClasses: classes,
    ptvTargetGroups: groups,
    cost: COST[service.serviceChargeType ?? ''] ?? 'unknown',
    notes,
  };
  return { ptvId: service.id, ...skipReasonOf(service, responsible), draft };
}

function skipReasonOf(service: PtvService, responsible: ReturnType<typeof responsibleOf>): { skipReason?: string } {
  if (service.publishingStatus && service.publishingStatus !== 'Published') return { skipReason: `not published (${service.publishingStatus})` };
  if (!responsible) return { skipReason: 'no responsible organisation' };
  if (!responsible.record) return { skipReason: `responsible organisation ${responsible.id} was not found in PTV` };
  const type = responsible.record.organizationType ?? 'no type';
  if (!NGO_TYPE_NAMES.has(type)) return { skipReason: `responsible organisation is ${type}, not an NGO (Järjestöt ja yhteisöt)` };
  return {};
}
