import * as z from 'zod/mini';

/**
 * The need vocabulary's files (data/vocabulary/). zod/mini, because the feed packer (an
 * extension page) compiles the bundled vocabulary too.
 */
const conceptId = z.string().check(z.regex(/^[a-z0-9-]+$/));
/**
 * Where a term came from: curated (professional and some everyday words, curated.json),
 * curated-everyday (how a client, a relative or a nurse's short note says the need, everyday.json),
 * a PTV code, or a Finto (YSO / KOKO) concept.
 */
const termSource = z.string().check(z.regex(/^(curated|curated-everyday|ptv:(P|KR)[0-9.]+|yso:p[0-9]+|koko:p[0-9]+)$/));
/** The source of everyday terms: they call a concept up from a query but never tag a service. */
export const EVERYDAY_SOURCE = 'curated-everyday';
const text = z.string().check(z.minLength(2));
const languages = ['fi', 'sv', 'en'] as const;

export const curatedFileSchema = z.strictObject({
  about: z.string(),
  concepts: z.array(
    z.strictObject({
      id: conceptId,
      terms: z.strictObject({ fi: z.array(text), sv: z.array(text), en: z.array(text) }),
      ptv: z.optional(z.array(z.string())),
      yso: z.optional(z.array(z.string())),
      koko: z.optional(z.array(z.string())),
      broader: z.optional(z.array(conceptId)),
      related: z.optional(z.array(conceptId)),
    }),
  ),
});

/**
 * data/vocabulary/everyday.json: everyday wording per concept id (a curated, PTV or YSO
 * concept), in every language: colloquial words, how a client or a relative says it, a nurse's
 * short note, situation phrases.
 */
export const everydayFileSchema = z.strictObject({
  about: z.string(),
  concepts: z.record(conceptId, z.strictObject({ fi: z.array(text), sv: z.array(text), en: z.array(text) })),
});

/** An extract of a code list or thesaurus, as utils/cli/extract-ptv-codes.ts writes it. */
export const sourceExtractSchema = z.strictObject({
  about: z.string(),
  codes: z.array(
    z.strictObject({
      code: z.string(),
      uri: z.string(),
      broader: z.nullable(z.string()),
      fi: text,
      sv: text,
      en: text,
      alt: z.optional(z.strictObject({ fi: z.array(text), sv: z.array(text), en: z.array(text) })),
    }),
  ),
});

const term = z.strictObject({ text, source: termSource });
const needConceptSchema = z.strictObject({
  id: conceptId,
  preferred: z.strictObject({ fi: text, sv: text, en: text }),
  terms: z.strictObject({ fi: z.array(term), sv: z.array(term), en: z.array(term) }),
  /** PTV service classes / target groups the concept carries (code and URI, as PTV has them). */
  ptv: z.array(z.strictObject({ code: z.string(), uri: z.string() })),
  broader: z.array(conceptId),
  related: z.array(conceptId),
});
export const needsFileSchema = z.strictObject({
  about: z.string(),
  sources: z.array(z.strictObject({ tag: z.string(), file: z.string(), licence: z.string() })),
  concepts: z.array(needConceptSchema),
});

export const tagOverridesFileSchema = z.strictObject({
  about: z.string(),
  /** service id → concept ids the maintainers add to what the text matching finds */
  add: z.record(z.string(), z.array(conceptId)),
  /** service id → concept ids the text matching found wrongly */
  remove: z.record(z.string(), z.array(conceptId)),
});

export const serviceConceptsFileSchema = z.strictObject({
  about: z.string(),
  services: z.record(z.string(), z.array(conceptId)),
});

/** The part of the vocabulary a search index is packed with: terms only, no provenance. */
export const compiledVocabularySchema = z.strictObject({
  concepts: z.array(
    z.strictObject({
      id: conceptId,
      preferred: z.array(text),
      terms: z.array(text),
      /** Everyday wording: calls the concept up from a query, never tags a service (absent when none). */
      everyday: z.optional(z.array(text)),
    }),
  ),
  add: z.record(z.string(), z.array(conceptId)),
  remove: z.record(z.string(), z.array(conceptId)),
});

export type EverydayFile = z.infer<typeof everydayFileSchema>;
export type CuratedFile = z.infer<typeof curatedFileSchema>;
export type SourceExtract = z.infer<typeof sourceExtractSchema>;
export type NeedConcept = z.infer<typeof needConceptSchema>;
export type NeedsFile = z.infer<typeof needsFileSchema>;
export type TagOverridesFile = z.infer<typeof tagOverridesFileSchema>;
export type CompiledVocabulary = z.infer<typeof compiledVocabularySchema>;
export { languages };
