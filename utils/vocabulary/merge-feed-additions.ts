import type { Catalogue, FeedVocabulary, Service } from '../catalogue/schema';
import type { CompiledVocabulary } from './schema';

/** The added words that neither the list nor an earlier addition has, ignoring case. */
function unseen(existing: readonly string[], added: readonly string[]): string[] {
  const known = new Set(existing.map((word) => word.toLocaleLowerCase('fi')));
  return added.filter((word) => {
    const key = word.toLocaleLowerCase('fi');
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
}

/**
 * The maintainers' additions from a signed feed (the catalogue's `vocabulary` section) merged
 * over the compiled bundled vocabulary, so that search improves without an extension release.
 * Additive only: a term joins its concept's terms (a concept this version does not know is
 * skipped: a newer bundled vocabulary may have it), nothing bundled is removed or reordered.
 * Pure; the feed packer (utils/sync/pack-feed.ts) calls it. Without additions the vocabulary is
 * returned as it was (the same object), so a feed without the section packs as before.
 */
export function mergeFeedTerms(vocabulary: CompiledVocabulary, additions: FeedVocabulary | undefined): CompiledVocabulary {
  if (!additions || additions.terms.length === 0) return vocabulary;
  const byConcept = new Map<string, string[]>();
  for (const { concept, text } of additions.terms) byConcept.set(concept, [...(byConcept.get(concept) ?? []), text.trim()]);
  return {
    ...vocabulary,
    concepts: vocabulary.concepts.map((concept) => {
      const added = byConcept.get(concept.id);
      if (!added) return concept;
      const fresh = unseen(concept.terms, added);
      return fresh.length === 0 ? concept : { ...concept, terms: [...concept.terms, ...fresh] };
    }),
  };
}

/**
 * The catalogue with the maintainers' service keywords added to each service's own keywords
 * (where search reads them at the keyword weight). Unchanged services keep their objects.
 */
export function mergeServiceKeywords(catalogue: Catalogue): Catalogue {
  if ((catalogue.vocabulary?.serviceKeywords ?? []).length === 0) return catalogue;
  const merge = serviceKeywordsMerger(catalogue.vocabulary);
  return { ...catalogue, services: catalogue.services.map(merge) };
}

/**
 * mergeServiceKeywords one service at a time (the chunked feed packer streams services): the
 * feed's vocabulary section is read once, each service is merged as it comes.
 */
export function serviceKeywordsMerger(vocabulary: FeedVocabulary | undefined): (service: Service) => Service {
  const additions = vocabulary?.serviceKeywords ?? [];
  if (additions.length === 0) return (service) => service;
  const byService = new Map<string, string[]>();
  for (const { service, keyword } of additions) byService.set(service, [...(byService.get(service) ?? []), keyword.trim()]);
  return (service) => {
    const added = byService.get(service.id);
    if (!added) return service;
    const fresh = unseen(service.keywords, added);
    return fresh.length === 0 ? service : { ...service, keywords: [...service.keywords, ...fresh] };
  };
}
