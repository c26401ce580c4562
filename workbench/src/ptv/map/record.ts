import * as z from 'zod/mini';
import {
  addressSchema,
  AREAS,
  AUDIENCES,
  CHANNELS,
  LANGUAGES,
  openingHoursSchema,
  phoneSchema,
  safeText,
  TEXT_LIMITS,
} from '@jarjestoopas/utils/catalogue/schema';

const localised = (max: number) =>
  z.strictObject({ fi: z.optional(safeText(max)), sv: z.optional(safeText(max)), en: z.optional(safeText(max)) });
const ptvCode = z.strictObject({ code: z.string(), uri: z.nullable(z.string()) });

/**
 * A PTV service as the workbench keeps it: a draft in catalogue v2 terms (phones, hours and
 * addresses in the catalogue's own schemas) plus what v2 cannot hold yet — texts per language,
 * coordinates, municipality codes, PTV's codes. Nothing here is verified: it is what PTV says.
 */
export const ptvDraftSchema = z.strictObject({
  ptvId: z.string(),
  /** PTV's `modified`, zone-less as PTV sends it; provenance, not compared for changes. */
  modified: z.nullable(z.string()),
  organisation: z.strictObject({
    ptvId: z.string(),
    /** Finnish name (else Swedish, English, or the name on the service). */
    name: z.string(),
    names: localised(TEXT_LIMITS.short),
    businessCode: z.nullable(z.string()),
    /** PTV organizationType: Organization (NGOs), Municipality, Company, … */
    type: z.nullable(z.string()),
  }),
  names: localised(TEXT_LIMITS.short),
  /** PTV `Summary` texts. */
  summaries: localised(TEXT_LIMITS.long),
  /** PTV `Description` texts. */
  descriptions: localised(TEXT_LIMITS.long),
  languages: z.array(z.enum(LANGUAGES)),
  phones: z.array(phoneSchema),
  emails: z.array(z.string()),
  webPages: z.array(z.string()),
  addresses: z.array(
    z.extend(addressSchema, {
      lat: z.optional(z.number().check(z.gte(-90), z.lte(90))),
      lon: z.optional(z.number().check(z.gte(-180), z.lte(180))),
    }),
  ),
  hours: z.optional(openingHoursSchema),
  /** Municipality codes ("092"): the requested lists it came in plus its own PTV areas. */
  municipalities: z.array(z.string().check(z.regex(/^[0-9]{3}$/))),
  areas: z.array(z.enum(AREAS)),
  categories: z.array(z.string()),
  audiences: z.array(z.enum(AUDIENCES)),
  /** PTV target groups in Finnish (searchable, as the catalogue's `targetGroups`). */
  targetGroups: z.array(z.string()),
  /** PTV service classes and target groups as codes and URIs, for mapping to need concepts. */
  ptvServiceClasses: z.array(ptvCode),
  ptvTargetGroups: z.array(ptvCode),
  channels: z.array(z.enum(CHANNELS)),
  cost: z.enum(['free', 'fee', 'unknown']),
  /** What the mapping had to change or leave out, in plain words for the reviewer. */
  notes: z.array(z.string()),
});

export type PtvDraft = z.infer<typeof ptvDraftSchema>;
