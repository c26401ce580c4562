import { z } from 'zod';

/**
 * The catalogue schema: the single source of every catalogue type (types come from
 * `z.infer`). Names follow HSDS 3 where they fit; `verifiedAt` maps to HSDS `assured_date`:
 * the day a person confirmed the contact, not the day the record was edited.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id: lower-case letters, digits and single hyphens');
const isoDate = z.iso.date();
const url = z.url({ protocol: /^https?$/ });

export const CATEGORY_GROUPS = ['life-situation', 'participation', 'expertise'] as const;
export const CHANNELS = ['kasvokkain', 'ryhma', 'puhelin', 'chat', 'verkko'] as const;
export const AREAS = ['vantaa', 'kerava', 'uusimaa', 'suomi'] as const;
export const AUDIENCES = [
  'laheiset',
  'lapsiperheet',
  'nuoret',
  'aikuiset',
  'ikaantyneet',
  'maahanmuuttajat',
  'ruotsinkieliset',
  'naiset',
  'ammattilaiset',
] as const;
/** ISO 639-1 codes of the languages a service is offered in. */
export const LANGUAGES = ['fi', 'sv', 'en', 'uk', 'ru', 'ar', 'so', 'et'] as const;

export const localisedTextSchema = z.strictObject({
  fi: z.string().min(1),
  sv: z.string().min(1).optional(),
  en: z.string().min(1).optional(),
});

export const phoneSchema = z.strictObject({
  /** E.164 (+358…) or a national service number such as 116 016, digits only. */
  number: z.string().regex(/^(\+[1-9][0-9]{6,14}|[0-9]{3,6})$/, 'number: E.164 like +358925250111'),
  /** As printed by the organisation, for people to read. */
  display: z.string().min(3),
  label: z.string().min(1).optional(),
  hours: z.string().min(1).optional(),
});

export const addressSchema = z.strictObject({
  street: z.string().min(1).optional(),
  postalCode: z.string().regex(/^[0-9]{5}$/, 'postalCode: five digits').optional(),
  city: z.string().min(1),
  label: z.string().min(1).optional(),
});

export const categorySchema = z.strictObject({
  id,
  group: z.enum(CATEGORY_GROUPS),
  names: localisedTextSchema,
});

export const organisationSchema = z.strictObject({
  id,
  name: z.string().min(2),
  shortName: z.string().min(1).optional(),
  names: z.strictObject({ sv: z.string().min(1).optional(), en: z.string().min(1).optional() }),
  website: url.optional(),
  email: z.email().optional(),
  phones: z.array(phoneSchema),
  addresses: z.array(addressSchema),
  /** Need words a professional types, for every service of this organisation. */
  keywords: z.array(z.string().min(2)),
  verifiedAt: isoDate.nullable(),
  /** Public pages the facts came from. An organisation without sources ships no services. */
  sources: z.array(url),
  notes: z.string().min(1).optional(),
});

export const serviceSchema = z.strictObject({
  id,
  organisationId: id,
  name: z.string().min(2),
  names: z.strictObject({ sv: z.string().min(1).optional(), en: z.string().min(1).optional() }),
  description: z.string().min(10),
  categories: z.array(id).min(1),
  /** Target groups in the handbook's own Finnish words (searchable). */
  targetGroups: z.array(z.string().min(2)),
  /** The same groups folded into a short controlled list (filterable). */
  audiences: z.array(z.enum(AUDIENCES)),
  keywords: z.array(z.string().min(2)),
  languages: z.array(z.enum(LANGUAGES)),
  channels: z.array(z.enum(CHANNELS)),
  cost: z.enum(['free', 'fee', 'unknown']),
  referral: z.enum(['none', 'required', 'unknown']),
  areas: z.array(z.enum(AREAS)).min(1),
  /** Contact overrides; when absent the organisation's contacts apply. */
  phones: z.array(phoneSchema).optional(),
  email: z.email().optional(),
  url: url.optional(),
  locations: z.array(addressSchema),
  hours: z.string().min(1).optional(),
  verifiedAt: isoDate.nullable(),
  sources: z.array(url),
  /** Crisis needs (ids in data/crisis-needs.json) this service is crisis help for: 24 h lines,
   *  shelters. Set by the maintainer in curation.json; such services come first for those needs. */
  crisisHelp: z.array(id).min(1).optional(),
});

/** Where info sessions happen: health stations, Kela offices, a hospital point, or online. */
export const SITE_KINDS = ['terveysasema', 'kela', 'sairaala', 'verkko'] as const;
export const SESSION_AUDIENCES = ['residents', 'professionals'] as const;

export const siteSchema = z.strictObject({
  id,
  name: z.string().min(2),
  names: z.strictObject({ sv: z.string().min(1).optional(), en: z.string().min(1).optional() }),
  kind: z.enum(SITE_KINDS),
  /** A street address only where a public source gives it; online sites have none. */
  address: addressSchema.optional(),
});

/** ISO 8601 with an explicit offset, so the instant never depends on the reader's time zone. */
const instant = z.iso.datetime({ offset: true, local: false });

export const infoSessionSchema = z.strictObject({
  id,
  siteId: id,
  /** A meeting link for online sessions (Teams infos for staff). */
  online: z.strictObject({ url }).optional(),
  start: instant,
  end: instant,
  organisationIds: z.array(id).min(1),
  experienceExpert: z.boolean(),
  audience: z.enum(SESSION_AUDIENCES),
  cancelled: z.boolean().default(false),
  note: z.string().min(1).optional(),
});

export const maintainerSchema = z.strictObject({
  name: z.string().min(2),
  email: z.email(),
  reportUrl: url.optional(),
});

type SessionCheckInput = { sites: Array<{ id: string }>; infoSessions: Array<z.infer<typeof infoSessionSchema>> };

/** Sites and sessions refer to each other and to organisations: every reference must resolve. */
function checkSessions(catalogue: SessionCheckInput, organisationIds: Set<string>, ctx: z.RefinementCtx): void {
  const siteIds = new Set<string>();
  catalogue.sites.forEach((site, index) => {
    if (siteIds.has(site.id)) ctx.addIssue({ code: 'custom', path: ['sites', index, 'id'], message: `duplicate site id "${site.id}"` });
    siteIds.add(site.id);
  });
  const sessionIds = new Set<string>();
  catalogue.infoSessions.forEach((session, index) => {
    const at = (field: string, ...rest: number[]) => ['infoSessions', index, field, ...rest];
    if (sessionIds.has(session.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate session id "${session.id}"` });
    sessionIds.add(session.id);
    if (!siteIds.has(session.siteId)) ctx.addIssue({ code: 'custom', path: at('siteId'), message: `unknown site "${session.siteId}"` });
    session.organisationIds.forEach((organisationId, organisationIndex) => {
      if (!organisationIds.has(organisationId)) {
        ctx.addIssue({ code: 'custom', path: at('organisationIds', organisationIndex), message: `unknown organisation "${organisationId}"` });
      }
    });
    if (Date.parse(session.end) <= Date.parse(session.start)) {
      ctx.addIssue({ code: 'custom', path: at('end'), message: `end ${session.end} is not after start ${session.start}` });
    }
  });
}

export const catalogueSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    revision: z.int().nonnegative(),
    publishedAt: z.iso.datetime({ offset: true }),
    region: id,
    maintainer: maintainerSchema,
    categories: z.array(categorySchema),
    organisations: z.array(organisationSchema),
    services: z.array(serviceSchema),
    // Added after schemaVersion 1 shipped: default to empty so older catalogues stay valid.
    sites: z.array(siteSchema).default([]),
    infoSessions: z.array(infoSessionSchema).default([]),
  })
  .superRefine((catalogue, ctx) => {
    const organisationIds = new Set<string>();
    catalogue.organisations.forEach((organisation, index) => {
      if (organisationIds.has(organisation.id)) {
        ctx.addIssue({ code: 'custom', path: ['organisations', index, 'id'], message: `duplicate organisation id "${organisation.id}"` });
      }
      organisationIds.add(organisation.id);
    });
    const categoryIds = new Set(catalogue.categories.map((category) => category.id));
    const serviceIds = new Set<string>();
    catalogue.services.forEach((service, index) => {
      if (serviceIds.has(service.id)) {
        ctx.addIssue({ code: 'custom', path: ['services', index, 'id'], message: `duplicate service id "${service.id}"` });
      }
      serviceIds.add(service.id);
      if (!organisationIds.has(service.organisationId)) {
        ctx.addIssue({ code: 'custom', path: ['services', index, 'organisationId'], message: `unknown organisation "${service.organisationId}"` });
      }
      service.categories.forEach((category, categoryIndex) => {
        if (!categoryIds.has(category)) {
          ctx.addIssue({ code: 'custom', path: ['services', index, 'categories', categoryIndex], message: `unknown category "${category}"` });
        }
      });
      if (service.sources.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['services', index, 'sources'], message: 'a service needs at least one source page' });
      }
    });
    checkSessions(catalogue, organisationIds, ctx);
  });

export type LocalisedText = z.infer<typeof localisedTextSchema>;
export type Phone = z.infer<typeof phoneSchema>;
export type Address = z.infer<typeof addressSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
export type Site = z.infer<typeof siteSchema>;
export type InfoSession = z.infer<typeof infoSessionSchema>;
export type SiteKind = (typeof SITE_KINDS)[number];
export type SessionAudience = (typeof SESSION_AUDIENCES)[number];
export type Area = (typeof AREAS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type Language = (typeof LANGUAGES)[number];
export type Channel = (typeof CHANNELS)[number];
