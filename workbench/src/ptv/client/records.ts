import { z } from 'zod';

/**
 * The PTV records the importer reads, in PTV Open API v11's field names (verified against DVV's
 * v11 OpenAPI document and real v11 responses, see workbench/test/fixtures/ptv/ATTRIBUTION.md).
 * This is the trust boundary: every answer is parsed here. Parsing also makes the records
 * version-neutral for the mapper: `value: null` texts are dropped, `null` lists become [], so a
 * v12 adapter (which reads `languageVersions`) converts its answers into these same records and
 * nothing after the adapter changes. Only the fields the mapper reads are kept.
 */

/** A list that PTV may send as `null` (e.g. `itemList`, `serviceChannels`) or leave out. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
const text = z.string().nullish().transform((value) => value ?? null);

/** `{ language, value, type? }`; PTV sends `value: null` for an empty language version. */
const rawLocalised = z.object({ language: z.string().nullish(), value: z.string().nullish(), type: z.string().nullish() });
export interface PtvText {
  language: string;
  value: string;
  type: string | null;
}
/** Localised texts without the empty ones. */
const localisedList = list(rawLocalised).transform((items): PtvText[] =>
  items.flatMap((item) =>
    item.value && item.value.trim() && item.language ? [{ language: item.language, value: item.value, type: item.type ?? null }] : [],
  ),
);

/** A code-list entry embedded in a record (service class, target group). */
const ptvCodeSchema = z.object({
  code: text,
  uri: text,
  newUri: text,
  name: localisedList,
});

const ptvPhoneSchema = z.object({
  /** Phone, Sms or Fax; absent on `supportPhones`. */
  type: text,
  prefixNumber: text,
  number: text,
  isFinnishServiceNumber: z.boolean().nullish().transform((value) => value ?? false),
  additionalInformation: text,
  language: text,
});

const municipalitySchema = z.object({ code: text, name: localisedList }).nullish();

const ptvStreetAddressSchema = z.object({
  street: localisedList,
  streetNumber: text,
  postalCode: text,
  postOffice: localisedList,
  municipality: municipalitySchema,
  /** EPSG:3067 (ETRS-TM35FIN) northing, as a string, despite the name. */
  latitude: text,
  /** EPSG:3067 easting, as a string. */
  longitude: text,
});

const ptvAddressSchema = z.object({
  /** Location / Visiting / Postal / Delivery. */
  type: text,
  /** Single / Street / PostOfficeBox / Other / Abroad / NoAddress. */
  subType: text,
  streetAddress: ptvStreetAddressSchema.nullish().transform((value) => value ?? null),
});

const ptvOpeningHourSchema = z.object({
  dayFrom: text,
  /** "" or null when the entry is one day (the usual v11 form: one entry per weekday). */
  dayTo: text,
  from: text,
  to: text,
});

const ptvServiceHourSchema = z.object({
  /** DaysOfTheWeek, Exceptional or OverMidnight. */
  serviceHourType: text,
  /** Zone-less local timestamps ("2025-12-24T00:00:00"): Helsinki wall time. */
  validFrom: text,
  validTo: text,
  isClosed: z.boolean().nullish().transform((value) => value ?? false),
  validForNow: z.boolean().nullish().transform((value) => value ?? null),
  isAlwaysOpen: z.boolean().nullish().transform((value) => value ?? false),
  isReservation: z.boolean().nullish().transform((value) => value ?? false),
  additionalInformation: localisedList,
  openingHour: list(ptvOpeningHourSchema),
});

const areaSchema = z.object({
  /** Municipality / Province / BusinessRegions / HospitalRegions / WellbeingServiceCounty. */
  type: text,
  code: text,
  municipalities: list(z.object({ code: text })),
});

export const ptvServiceSchema = z.object({
  id: z.string(),
  type: text,
  publishingStatus: text,
  serviceNames: localisedList,
  serviceDescriptions: localisedList,
  serviceChargeType: text,
  /** Nationwide / NationwideExceptAlandIslands / LimitedType. */
  areaType: text,
  areas: list(areaSchema),
  languages: list(z.string()),
  serviceClasses: list(ptvCodeSchema),
  targetGroups: list(ptvCodeSchema),
  keywords: localisedList,
  /** The same organisation may appear twice: once as Responsible, once as Producer. */
  organizations: list(
    z.object({
      organization: z.object({ id: z.string(), name: text }).nullish(),
      roleType: text,
    }),
  ),
  serviceChannels: list(z.object({ serviceChannel: z.object({ id: z.string(), name: text }) })),
  /** Zone-less timestamp; compared as text, never converted. */
  modified: text,
});

/** Every channel type comes in one flat list, told apart by `serviceChannelType`. */
export const ptvChannelSchema = z.object({
  id: z.string(),
  /** EChannel / WebPage / PrintableForm / Phone / ServiceLocation. */
  serviceChannelType: text,
  organizationId: text,
  serviceChannelNames: localisedList,
  phoneNumbers: list(ptvPhoneSchema),
  supportPhones: list(ptvPhoneSchema),
  emails: localisedList,
  supportEmails: localisedList,
  webPages: list(z.object({ url: text, value: text, language: text })),
  addresses: list(ptvAddressSchema),
  serviceHours: list(ptvServiceHourSchema),
  languages: list(z.string()),
  modified: text,
});

export const ptvOrganisationSchema = z.object({
  id: z.string(),
  /** State, Municipality, RegionalOrganization, Organization ("Järjestöt ja yhteisöt"), Company, … */
  organizationType: text,
  businessCode: text,
  organizationNames: localisedList,
  modified: text,
});

/** `list/area` and `list/organization`: full records, one page at a time (page size is the server's). */
export const ptvServicePageSchema = z.object({
  pageNumber: z.number().int(),
  pageSize: z.number().int().nullish(),
  pageCount: z.number().int(),
  itemList: list(ptvServiceSchema),
});

export type PtvPhone = z.infer<typeof ptvPhoneSchema>;
export type PtvAddress = z.infer<typeof ptvAddressSchema>;
export type PtvServiceHour = z.infer<typeof ptvServiceHourSchema>;
export type PtvService = z.infer<typeof ptvServiceSchema>;
export type PtvChannel = z.infer<typeof ptvChannelSchema>;
export type PtvOrganisation = z.infer<typeof ptvOrganisationSchema>;
