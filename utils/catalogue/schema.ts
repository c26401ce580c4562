// zod/mini (functional API): the popup reads these schemas, and classic zod would add ~25 kB
// gzip to it. Classic code (the CLI, HSDS, the workbench) embeds them as they are.
import * as z from 'zod/mini';
import { upgradeCatalogue } from './upgrade-v1';

/**
 * The catalogue schema: the single source of every catalogue type (types come from
 * `z.infer`). Names follow HSDS 3 where they fit; `verifiedAt` maps to HSDS `assured_date`:
 * the day a person confirmed the contact, not the day the record was edited.
 */

const id = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id: lower-case letters, digits and single hyphens'));
const isoDate = z.iso.date();

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

/**
 * Catalogue text is shown to nurses and copied into patient records, so it may not carry
 * anything that changes how the text reads or where it lines up: no control characters (a
 * newline would add a false line to the note), no bidi overrides or marks, no zero-width or
 * invisible characters (issue12 item 10), and never more than its maximum length.
 */
// C0/C1 controls (incl. tab, CR, LF), soft hyphen, Arabic letter mark, zero-width and joiners,
// LRM/RLM, line/paragraph separators, bidi embeddings/overrides/isolates, word joiner and
// invisible operators, BOM / zero-width no-break space.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
export const HOSTILE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/u;

export const TEXT_LIMITS = { short: 120, label: 200, long: 2000, url: 2048 } as const;

export function describeHostile(value: string): string | null {
  const match = HOSTILE_CHARACTERS.exec(value);
  if (!match) return null;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `contains a control, bidi or invisible character (U+${code}) at position ${match.index}`;
}

/** A single line of plain text of at most `max` characters. */
export const safeText = (max: number, min = 1) =>
  z.string().check(z.minLength(min), z.maxLength(max), (ctx) => {
    const problem = describeHostile(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
  });

/** http(s) only, no user name or password ("https://www.mieli.fi@evil.example/" is evil.example). */
const url = z.url({ protocol: /^https?$/ }).check(z.maxLength(TEXT_LIMITS.url), (ctx) => {
  const problem = describeHostile(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
  try {
    const parsed = new URL(ctx.value);
    if (parsed.username || parsed.password) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `url has user info before "@": the link really goes to ${parsed.host}` });
    }
  } catch {
    // z.url has already reported it.
  }
});
const email = z.email().check(z.maxLength(254));

export const localisedTextSchema = z.strictObject({
  fi: safeText(TEXT_LIMITS.short),
  sv: z.optional(safeText(TEXT_LIMITS.short)),
  en: z.optional(safeText(TEXT_LIMITS.short)),
});
const otherNames = z.strictObject({ sv: z.optional(safeText(TEXT_LIMITS.short)), en: z.optional(safeText(TEXT_LIMITS.short)) });
/**
 * A text's Swedish and English versions beside its Finnish one (which stays in the field it
 * always had: `description`, `label`, `text`). Optional as a whole, so every catalogue written
 * before languages came validates as it is and packs byte for byte as before. A text a language
 * lacks is shown in Finnish and marked as such (utils/i18n/service-texts.ts); never machine-translated.
 */
const otherTexts = (max: number, min = 1) => z.strictObject({ sv: z.optional(safeText(max, min)), en: z.optional(safeText(max, min)) });

/** Weekdays as RFC 5545 writes them (BYDAY), Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** 24-hour wall clock in Helsinki; 24:00 closes at midnight. */
const clock = z.string().check(z.regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, 'time: HH:MM, 00:00–24:00'));
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

export const openingRuleSchema = z
  .strictObject({
    days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1), z.maxLength(7)),
    opens: clock,
    closes: clock,
  })
  .check(
    z.refine((rule) => minutesOf(rule.closes) > minutesOf(rule.opens), {
      message: 'closes before it opens (split an overnight rule at 24:00)',
      path: ['closes'],
    }),
  );

export const openingExceptionSchema = z
  .strictObject({
    date: z.iso.date(),
    /** Absent: closed all day. */
    opens: z.optional(clock),
    closes: z.optional(clock),
    note: z.optional(safeText(TEXT_LIMITS.label)),
  })
  .check(
    z.refine((day) => (day.opens === undefined) === (day.closes === undefined), { message: 'give both opens and closes, or neither (closed)', path: ['closes'] }),
    // Only when both are given (the refine above reports one without the other): a bad feed gets
    // issues, never a TypeError from safeParse.
    z.refine((day) => day.opens === undefined || day.closes === undefined || minutesOf(day.closes) > minutesOf(day.opens), { message: 'closes before it opens', path: ['closes'] }),
  );

/**
 * When a service or a phone line answers. `weekly`: the rules (Helsinki wall time), closed on
 * Finnish public holidays unless `holidays` says "open"; `always`: 24/7 (crisis lines);
 * `appointment`: only by booking ("ajanvarauksella"); `text`: the source says something the
 * structure cannot (e.g. "20 tuntia viikossa"), shown as printed and never read as open or closed.
 * `text` always keeps the source's own words when there are any.
 */
export const HOURS_KINDS = ['weekly', 'always', 'appointment', 'text'] as const;
export const openingHoursSchema = z
  .strictObject({
    kind: z.enum(HOURS_KINDS),
    rules: z._default(z.array(openingRuleSchema).check(z.maxLength(21)), []),
    holidays: z._default(z.enum(['closed', 'open']), 'closed'),
    exceptions: z._default(z.array(openingExceptionSchema).check(z.maxLength(60)), []),
    text: z.optional(safeText(TEXT_LIMITS.label)),
    /** `text` in Swedish and English, where the source says it in those languages. */
    texts: z.optional(otherTexts(TEXT_LIMITS.label)),
  })
  .check(
    z.superRefine((hours, ctx) => {
      if (hours.kind === 'weekly' && hours.rules.length === 0) ctx.addIssue({ code: 'custom', path: ['rules'], message: 'weekly hours need at least one rule' });
      if (hours.kind !== 'weekly' && hours.rules.length > 0) ctx.addIssue({ code: 'custom', path: ['rules'], message: `${hours.kind} hours take no weekly rules` });
      if (hours.kind === 'text' && !hours.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'text hours need the text' });
      if (hours.texts && !hours.text) ctx.addIssue({ code: 'custom', path: ['texts'], message: 'texts translate text: give the Finnish text too' });
    }),
  );

export const phoneSchema = z.strictObject({
  /** E.164 (+358…) or a national service number such as 116 016, digits only. */
  number: z.string().check(z.regex(/^(\+[1-9][0-9]{6,14}|[0-9]{3,6})$/, 'number: E.164 like +358925250111')),
  /** As printed by the organisation, for people to read; must be the same number (see checkPhoneDisplay). */
  display: safeText(30, 3),
  label: z.optional(safeText(TEXT_LIMITS.label)),
  /** `label` in Swedish and English. */
  labels: z.optional(otherTexts(TEXT_LIMITS.label)),
  hours: z.optional(openingHoursSchema),
}).check(
  z.refine((phone) => !phone.labels || phone.label !== undefined, { message: 'labels translate label: give the Finnish label too', path: ['labels'] }),
);

export const addressSchema = z.strictObject({
  street: z.optional(safeText(TEXT_LIMITS.short)),
  postalCode: z.optional(z.string().check(z.regex(/^[0-9]{5}$/, 'postalCode: five digits'))),
  city: safeText(60),
  label: z.optional(safeText(TEXT_LIMITS.label)),
});

export const categorySchema = z.strictObject({
  id,
  group: z.enum(CATEGORY_GROUPS),
  names: localisedTextSchema,
});

/** Which facts a person confirmed with the organisation. */
export const VERIFIABLE_FIELDS = ['phones', 'email', 'website', 'addresses', 'hours', 'description', 'status'] as const;

/**
 * Verification by a person: when, who (a name or role, not an e-mail address of a private
 * person), and which facts. `updatedAt` (any edit) is a different thing and never shown as
 * "Tarkistettu".
 */
const verificationShape = {
  verifiedAt: z.nullable(isoDate),
  verifiedBy: z.optional(safeText(TEXT_LIMITS.short)),
  verifiedFields: z._default(z.array(z.enum(VERIFIABLE_FIELDS)), []),
  updatedAt: z.optional(isoDate),
};
function checkVerification(record: { verifiedAt: string | null; verifiedBy?: string | undefined; verifiedFields: readonly string[] }, ctx: z.core.$RefinementCtx): void {
  if (record.verifiedAt && !record.verifiedBy) ctx.addIssue({ code: 'custom', path: ['verifiedBy'], message: 'verifiedAt needs verifiedBy: who confirmed it' });
  if (record.verifiedAt && record.verifiedFields.length === 0) ctx.addIssue({ code: 'custom', path: ['verifiedFields'], message: 'verifiedAt needs verifiedFields: what was confirmed' });
  if (!record.verifiedAt && (record.verifiedBy || record.verifiedFields.length > 0)) {
    ctx.addIssue({ code: 'custom', path: ['verifiedAt'], message: 'verifiedBy/verifiedFields without verifiedAt' });
  }
}

export const organisationSchema = z
  .strictObject({
    id,
    name: safeText(TEXT_LIMITS.short, 2),
    shortName: z.optional(safeText(40)),
    names: otherNames,
    website: z.optional(url),
    email: z.optional(email),
    phones: z.array(phoneSchema).check(z.maxLength(20)),
    addresses: z.array(addressSchema).check(z.maxLength(20)),
    /** Need words a professional types, for every service of this organisation. */
    keywords: z.array(safeText(60, 2)).check(z.maxLength(200)),
    ...verificationShape,
    /** Public pages the facts came from. An organisation without sources ships no services. */
    sources: z.array(url).check(z.maxLength(30)),
    notes: z.optional(safeText(TEXT_LIMITS.long)),
  })
  .check(z.superRefine(checkVerification));

export const SERVICE_STATUSES = ['active', 'temporarilyClosed', 'ended'] as const;

export const serviceSchema = z
  .strictObject({
    id,
    organisationId: id,
    name: safeText(TEXT_LIMITS.short, 2),
    names: otherNames,
    description: safeText(TEXT_LIMITS.long, 10),
    /** The description in Swedish and English (the Finnish one is `description`, required). */
    descriptions: z.optional(otherTexts(TEXT_LIMITS.long, 10)),
    categories: z.array(id).check(z.minLength(1), z.maxLength(20)),
    /** Target groups in the handbook's own Finnish words (searchable). */
    targetGroups: z.array(safeText(TEXT_LIMITS.short, 2)).check(z.maxLength(30)),
    /** The same groups folded into a short controlled list (filterable). */
    audiences: z.array(z.enum(AUDIENCES)),
    keywords: z.array(safeText(60, 2)).check(z.maxLength(200)),
    languages: z.array(z.enum(LANGUAGES)),
    channels: z.array(z.enum(CHANNELS)),
    cost: z.enum(['free', 'fee', 'unknown']),
    referral: z.enum(['none', 'required', 'unknown']),
    areas: z.array(z.enum(AREAS)).check(z.minLength(1)),
    status: z._default(z.enum(SERVICE_STATUSES), 'active'),
    /**
     * The service's own contact points. When it has none of phones / email / website /
     * addresses, the organisation's apply (contacts.ts); otherwise only these.
     */
    phones: z._default(z.array(phoneSchema).check(z.maxLength(20)), []),
    email: z.optional(email),
    website: z.optional(url),
    addresses: z._default(z.array(addressSchema).check(z.maxLength(20)), []),
    hours: z.optional(openingHoursSchema),
    ...verificationShape,
    /** Pages the service's facts (its own contacts first) came from. */
    sources: z.array(url).check(z.maxLength(30)),
    /** Crisis needs (ids in data/crisis-needs.json) this service is crisis help for: 24 h lines,
     *  shelters. Set by the maintainer in curation.json; such services come first for those needs. */
    crisisHelp: z.optional(z.array(id).check(z.minLength(1), z.maxLength(10))),
  })
  .check(z.superRefine(checkVerification));

/** Where info sessions happen: health stations, Kela offices, a hospital point, or online. */
export const SITE_KINDS = ['terveysasema', 'kela', 'sairaala', 'verkko'] as const;
export const SESSION_AUDIENCES = ['residents', 'professionals'] as const;

export const siteSchema = z.strictObject({
  id,
  name: safeText(TEXT_LIMITS.short, 2),
  names: otherNames,
  kind: z.enum(SITE_KINDS),
  /** A street address only where a public source gives it; online sites have none. */
  address: z.optional(addressSchema),
});

/** ISO 8601 with an explicit offset, so the instant never depends on the reader's time zone. */
const instant = z.iso.datetime({ offset: true, local: false });

export const infoSessionSchema = z.strictObject({
  id,
  siteId: id,
  /** A meeting link for online sessions (Teams infos for staff). */
  online: z.optional(z.strictObject({ url })),
  start: instant,
  end: instant,
  organisationIds: z.array(id).check(z.minLength(1)),
  experienceExpert: z.boolean(),
  audience: z.enum(SESSION_AUDIENCES),
  cancelled: z._default(z.boolean(), false),
  note: z.optional(safeText(TEXT_LIMITS.label)),
});

/**
 * Who keeps the catalogue. The report address is a deployment setting (the published feed,
 * policy or options), never guessed in the bundled data: `email` and `reportUrl` may be absent.
 */
export const maintainerSchema = z.strictObject({
  name: safeText(TEXT_LIMITS.short, 2),
  email: z.optional(email),
  reportUrl: z.optional(url),
});

export const VOCABULARY_LANGUAGES = ['fi', 'sv', 'en'] as const;
/** Most additions one feed may carry: far above what maintainers type, far below a risk to the packer. */
export const VOCABULARY_ADDITIONS_MAX = 5000;

/**
 * The maintainers' search vocabulary (issue 20 item 4): terms they added to the need concepts
 * and keywords they added to services in the workbench, from nurses' missing-service reports.
 * The extension's feed packer merges them over its bundled vocabulary (utils/vocabulary/
 * merge-feed-additions.ts). A concept this extension does not know is skipped there (a newer
 * vocabulary may have it), a service keyword must name a service of the same catalogue.
 */
export const feedVocabularySchema = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        concept: z.string().check(z.regex(/^[a-z0-9-]+$/), z.maxLength(100)),
        language: z.enum(VOCABULARY_LANGUAGES),
        text: safeText(60, 2),
        /** Who added it: the maintaining organisation. */
        source: safeText(TEXT_LIMITS.short, 2),
      }),
    )
    .check(z.maxLength(VOCABULARY_ADDITIONS_MAX)),
  serviceKeywords: z
    .array(z.strictObject({ service: id, keyword: safeText(60, 2), source: safeText(TEXT_LIMITS.short, 2) }))
    .check(z.maxLength(VOCABULARY_ADDITIONS_MAX)),
});
export type FeedVocabulary = z.infer<typeof feedVocabularySchema>;

type SessionCheckInput = { sites: Array<{ id: string }>; infoSessions: Array<z.infer<typeof infoSessionSchema>> };

/** Sites and sessions refer to each other and to organisations: every reference must resolve. */
function checkSessions(catalogue: SessionCheckInput, organisationIds: Set<string>, ctx: z.core.$RefinementCtx): void {
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

/** The current catalogue format. A schemaVersion 1 catalogue is read through `catalogueSchema`, which upgrades it. */
export const catalogueV2Schema = z
  .strictObject({
    schemaVersion: z.literal(2),
    revision: z.int().check(z.nonnegative()),
    publishedAt: z.iso.datetime({ offset: true }),
    region: id,
    maintainer: maintainerSchema,
    categories: z.array(categorySchema),
    organisations: z.array(organisationSchema),
    services: z.array(serviceSchema),
    // Added after schemaVersion 1 first shipped: default to empty so older catalogues stay valid.
    sites: z._default(z.array(siteSchema), []),
    infoSessions: z._default(z.array(infoSessionSchema), []),
    /** Optional: a feed without it searches with the bundled vocabulary alone. */
    vocabulary: z.optional(feedVocabularySchema),
  })
  .check(
    z.superRefine((catalogue, ctx) => {
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
      catalogue.vocabulary?.serviceKeywords.forEach((addition, index) => {
        if (!serviceIds.has(addition.service)) {
          ctx.addIssue({ code: 'custom', path: ['vocabulary', 'serviceKeywords', index, 'service'], message: `unknown service "${addition.service}"` });
        }
      });
    }),
  );

/**
 * Every catalogue the extension or the CLI accepts: schemaVersion 2 as it is, schemaVersion 1
 * upgraded first (upgrade-v1.ts), so a v1 feed or a stored v1 catalogue is read as v2.
 */
// zod/mini has no z.preprocess: classic's is this same pipe (a transform, then the schema).
export const catalogueSchema = z.pipe(z.transform(upgradeCatalogue), catalogueV2Schema);
// Whether each phone display dials its number is checked where a whole catalogue is accepted
// (load.ts parseCatalogue: feeds, the build, the CLI), with libphonenumber-js, which the popup
// does not carry (it reads records that were checked there).


export type LocalisedText = z.infer<typeof localisedTextSchema>;
export type Phone = z.infer<typeof phoneSchema>;
export type OpeningHours = z.infer<typeof openingHoursSchema>;
export type OpeningRule = z.infer<typeof openingRuleSchema>;
export type OpeningException = z.infer<typeof openingExceptionSchema>;
export type Weekday = (typeof WEEKDAYS)[number];
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export type VerifiableField = (typeof VERIFIABLE_FIELDS)[number];
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
