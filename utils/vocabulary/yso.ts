import * as z from 'zod/mini';
import { foldDiacritics, normaliseText } from '../search/normalise';
import { stemTerms } from '../search/stem';
import type { NeedConcept, SourceExtract } from './schema';

/**
 * YSO (General Finnish Ontology, CC BY 4.0, National Library of Finland) in the need
 * vocabulary, by rule (data/vocabulary/yso-rules.json), never concept by concept:
 * - linked: a YSO concept with a label equal to a concept's term adds its fi/sv/en labels to
 *   that concept ("yksinäisyys" brings "ensamhet" and "loneliness");
 * - selected: a YSO concept whose Finnish label holds one of the rules' compound parts
 *   ("-riippuvuus", "päihde-", "omais-") becomes a concept of its own under the rule's concept.
 * The extractor (utils/cli/extract-yso-labels.ts) keeps exactly these YSO concepts; the builder
 * (build-needs.ts) applies the same rules to the committed extract.
 */
export const ysoRulesFileSchema = z.strictObject({
  about: z.string(),
  parts: z.array(z.strictObject({ part: z.string(), concept: z.string(), head: z.optional(z.boolean()) })),
  excludeModifiers: z.array(z.string()),
  excludeHeads: z.array(z.string()),
  exclude: z.array(z.string()),
});
export type YsoRules = z.infer<typeof ysoRulesFileSchema>;

/** A single Finnish word links by its Snowball stem only from this length ("pilvi" ≠ "pilvet"). */
const STEM_LINK_MIN = 5;
/** A rule's part ends a compound only from this length, unless the rule says `head`. */
const HEAD_MIN = 6;

/** A YSO label without its qualifier: "kriisit (psykologia)" → "kriisit". */
export const ysoLabel = (label: string) => label.replace(/\s*\([^)]*\)\s*$/, '').trim();
const fold = (text: string) => foldDiacritics(normaliseText(text)).replace(/\s+/g, ' ').trim();

/** The keys a term or label links by: its folded text, and for one Finnish word its long stems. */
function linkKeys(text: string, language: 'fi' | 'sv' | 'en'): string[] {
  const folded = fold(ysoLabel(text));
  const keys = [`${language}=${folded}`];
  if (language === 'fi' && !/[\s-]/.test(folded)) {
    for (const stem of stemTerms(normaliseText(ysoLabel(text)))) if (stem.length >= STEM_LINK_MIN) keys.push(`fi~${stem}`);
  }
  return keys;
}

/** key → ids of the concepts that have a term with that key. */
export function conceptKeys(concepts: readonly NeedConcept[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const concept of concepts) {
    for (const language of ['fi', 'sv', 'en'] as const) {
      for (const term of concept.terms[language]) {
        if (term.source.startsWith('yso:')) continue;
        for (const key of linkKeys(term.text, language)) {
          const ids = keys.get(key) ?? [];
          if (!ids.includes(concept.id)) ids.push(concept.id);
          keys.set(key, ids);
        }
      }
    }
  }
  return keys;
}

type YsoCode = Pick<SourceExtract['codes'][number], 'fi' | 'sv' | 'en'>;

/** The concepts a YSO concept links to by an equal label, in the order the concepts come. */
export function linkedConcepts(code: YsoCode, keys: Map<string, string[]>): string[] {
  const ids = new Set<string>();
  for (const language of ['fi', 'sv', 'en'] as const) {
    for (const key of linkKeys(code[language], language)) for (const id of keys.get(key) ?? []) ids.add(id);
  }
  return [...ids];
}

/** The rule's concept when the Finnish label holds one of the rules' parts, else null. */
export function selectedBy(code: YsoCode, rules: YsoRules): string | null {
  const label = fold(ysoLabel(code.fi));
  if (rules.exclude.some((excluded) => fold(excluded) === fold(code.fi))) return null;
  if (rules.excludeModifiers.some((modifier) => label.startsWith(fold(modifier)))) return null;
  const words = label.split(/[\s,]+/).filter((word) => word.length > 0);
  if (words.length > 4) return null;
  const last = words[words.length - 1] ?? '';
  if (rules.excludeHeads.some((head) => last.endsWith(fold(head)))) return null;
  // At a word's beginning; or as its compound head (with a plural or case ending of up to three
  // letters) when the part is long enough not to end unrelated words ("omais" ends "viranomaiset").
  const asHead = (part: string) => words.some((word) => {
    const at = word.lastIndexOf(part);
    return at >= 0 && word.length - at - part.length <= 3;
  });
  const holds = (rule: YsoRules['parts'][number]) => {
    const part = fold(rule.part);
    return label.startsWith(part) || label.includes(` ${part}`) || ((rule.head || part.length >= HEAD_MIN) && asHead(part));
  };
  return rules.parts.find(holds)?.concept ?? null;
}

/** Whether a YSO concept is excluded by the reviewed list (a homonym, or outside the domain). */
export const isExcluded = (code: YsoCode, rules: YsoRules) => rules.exclude.some((excluded) => fold(excluded) === fold(code.fi));

/** Parses Annif's TSV vocabulary (`<uri>\tlabel` per line) into YSO id → label. */
export function parseYsoTsv(text: string): Map<string, { uri: string; label: string }> {
  const labels = new Map<string, { uri: string; label: string }>();
  for (const line of text.split('\n')) {
    const match = /^<(http:\/\/www\.yso\.fi\/onto\/yso\/(p[0-9]+))>\t(.+)$/.exec(line.trim());
    if (match) labels.set(match[2]!, { uri: match[1]!, label: match[3]!.trim() });
  }
  return labels;
}
