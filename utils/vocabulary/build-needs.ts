import { foldDiacritics, normaliseText } from '../search/normalise';
import { EVERYDAY_SOURCE, languages, type CuratedFile, type EverydayFile, type NeedConcept, type NeedsFile, type SourceExtract } from './schema';
import { conceptKeys, isExcluded, linkedConcepts, selectedBy, ysoLabel, type YsoRules } from './yso';

/**
 * PTV codes in the social and health-care domain: every one becomes (or joins) a need concept,
 * so the vocabulary covers the classification systematically, not only what the curated file
 * names. Families, social services, health, legal protection, work, private finance,
 * immigration; citizens' target groups.
 */
const DOMAIN = /^(P3|P4|P5|P7\.(4|5|10|11)|P10|P15\.(1|3|5)|P22\.(1|2|3|4)|KR1)(\.|$)/;

export interface VocabularySources {
  curated: CuratedFile;
  /** Everyday wording per concept (data/vocabulary/everyday.json), added last. */
  everyday?: EverydayFile;
  ptvClasses: SourceExtract;
  ptvTargetGroups: SourceExtract;
  /** Finto extracts when committed (same shape); their ids are referenced by curated concepts. */
  yso?: SourceExtract;
  koko?: SourceExtract;
  /** How YSO concepts link to and join the concepts (data/vocabulary/yso-rules.json). */
  ysoRules?: YsoRules;
  /** Words that weigh little in a query (data/query-words.json): never a concept's term. */
  genericWords: readonly string[];
}

const key = (text: string) => foldDiacritics(normaliseText(text));
const ptvConceptId = (code: string) => `ptv-${code.toLowerCase().replace(/\./g, '-')}`;

/** Builds data/vocabulary/needs.json. Pure and deterministic: same inputs, same output. */
export function buildNeeds(sources: VocabularySources): NeedsFile {
  const generic = new Set(sources.genericWords.map(key));
  const ptvCodes = new Map([...sources.ptvClasses.codes, ...sources.ptvTargetGroups.codes].map((code) => [code.code, code]));
  const fintoCodes = { yso: new Map((sources.yso?.codes ?? []).map((code) => [code.code, code])), koko: new Map((sources.koko?.codes ?? []).map((code) => [code.code, code])) };

  const conceptOfPtv = new Map<string, string>();
  for (const concept of sources.curated.concepts) {
    for (const code of concept.ptv ?? []) {
      if (!ptvCodes.has(code)) throw new Error(`curated concept ${concept.id}: unknown PTV code ${code}`);
      if (!conceptOfPtv.has(code)) conceptOfPtv.set(code, concept.id);
    }
  }

  const concepts: NeedConcept[] = [];
  const newConcept = (id: string, preferred: NeedConcept['preferred']): NeedConcept => ({ id, preferred, terms: { fi: [], sv: [], en: [] }, ptv: [], broader: [], related: [] });
  const addTerm = (concept: NeedConcept, language: (typeof languages)[number], text: string, source: string) => {
    const cleaned = text.trim().replace(/\s+/g, ' ');
    if (cleaned.length < 2 || generic.has(key(cleaned))) return;
    if (concept.terms[language].some((term) => key(term.text) === key(cleaned))) return;
    concept.terms[language].push({ text: cleaned.toLocaleLowerCase('fi'), source });
  };
  const addCode = (concept: NeedConcept, code: SourceExtract['codes'][number], tag: string) => {
    for (const language of languages) {
      addTerm(concept, language, code[language], `${tag}:${code.code}`);
      for (const alt of code.alt?.[language] ?? []) addTerm(concept, language, alt, `${tag}:${code.code}`);
    }
  };

  for (const curated of sources.curated.concepts) {
    const first = (language: (typeof languages)[number]) => {
      const text = curated.terms[language][0];
      if (!text) throw new Error(`curated concept ${curated.id}: no ${language} term`);
      return text;
    };
    const concept = newConcept(curated.id, { fi: first('fi'), sv: first('sv'), en: first('en') });
    for (const language of languages) for (const text of curated.terms[language]) addTerm(concept, language, text, 'curated');
    for (const code of curated.ptv ?? []) {
      const entry = ptvCodes.get(code)!;
      concept.ptv.push({ code, uri: entry.uri });
      addCode(concept, entry, 'ptv');
    }
    for (const tag of ['yso', 'koko'] as const) {
      for (const id of curated[tag] ?? []) {
        const entry = fintoCodes[tag].get(id);
        if (entry) addCode(concept, entry, tag);
      }
    }
    concept.broader = [...(curated.broader ?? [])];
    concept.related = [...(curated.related ?? [])];
    concepts.push(concept);
  }

  // Domain PTV codes no curated concept carries: concepts of their own, under their broader code's concept.
  const domainCodes = [...ptvCodes.values()].filter((code) => DOMAIN.test(code.code));
  for (const code of domainCodes) {
    if (conceptOfPtv.has(code.code)) continue;
    conceptOfPtv.set(code.code, ptvConceptId(code.code));
  }
  for (const code of domainCodes) {
    const id = ptvConceptId(code.code);
    if (conceptOfPtv.get(code.code) !== id) continue;
    const concept = newConcept(id, { fi: code.fi.toLocaleLowerCase('fi'), sv: code.sv.toLocaleLowerCase('sv'), en: code.en.toLocaleLowerCase('en') });
    concept.ptv.push({ code: code.code, uri: code.uri });
    addCode(concept, code, 'ptv');
    const parent = code.broader ? conceptOfPtv.get(code.broader) : undefined;
    if (parent) concept.broader.push(parent);
    concepts.push(concept);
  }

  if (sources.yso && sources.ysoRules) addYso(concepts, sources.yso, sources.ysoRules, newConcept, addTerm);

  // Everyday wording last: it joins any concept (curated, PTV or YSO) and, coming after YSO's
  // linking, never links a YSO label to a concept by a colloquial word.
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  for (const [id, terms] of Object.entries(sources.everyday?.concepts ?? {}).sort(([a], [b]) => a.localeCompare(b, 'en'))) {
    const concept = byId.get(id);
    if (!concept) throw new Error(`everyday.json: unknown concept ${id}`);
    for (const language of languages) for (const text of terms[language]) addTerm(concept, language, text, EVERYDAY_SOURCE);
  }

  const ids = new Set(concepts.map((concept) => concept.id));
  for (const concept of concepts) {
    for (const link of [...concept.broader, ...concept.related]) {
      if (!ids.has(link)) throw new Error(`concept ${concept.id}: links to unknown concept ${link}`);
    }
  }
  concepts.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  return {
    about:
      'Need concepts for search, generated by `npm run vocabulary` (utils/cli/build-vocabulary.ts) from data/vocabulary/curated.json, everyday.json and sources/. Do not edit: edit curated.json or everyday.json and rebuild. Every term names its source; see ATTRIBUTION.md.',
    sources: [
      { tag: 'ptv', file: 'sources/ptv-service-classes.json, sources/ptv-target-groups.json', licence: 'CC BY 4.0 (Digital and Population Data Services Agency, koodistot.suomi.fi)' },
      ...(sources.yso ? [{ tag: 'yso', file: 'sources/yso-labels.json', licence: 'CC BY 4.0 (National Library of Finland, Semantic Computing Research Group SeCo, Finnish Terminology Centre TSK; YSO 2017 via NatLibFi/Annif-corpora)' }] : []),
      ...(sources.koko ? [{ tag: 'koko', file: 'sources/koko.json', licence: 'CC BY 4.0 (National Library of Finland, Finto)' }] : []),
      { tag: 'curated', file: 'curated.json', licence: 'project licence' },
      ...(sources.everyday ? [{ tag: EVERYDAY_SOURCE, file: 'everyday.json', licence: 'project licence' }] : []),
    ],
    concepts,
  };
}

/**
 * YSO by rule (see yso.ts): a YSO concept with a label equal to a concept's curated or PTV term
 * adds its fi/sv/en labels there; one selected by a compound-part rule becomes a concept of its
 * own (`yso-p…`) under the rule's concept. Linking comes first, so a YSO concept the curated
 * concepts already name never doubles as a concept of its own.
 */
function addYso(
  concepts: NeedConcept[],
  yso: SourceExtract,
  rules: YsoRules,
  newConcept: (id: string, preferred: NeedConcept['preferred']) => NeedConcept,
  addTerm: (concept: NeedConcept, language: (typeof languages)[number], text: string, source: string) => void,
) {
  const keys = conceptKeys(concepts);
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  const addLabels = (concept: NeedConcept, code: SourceExtract['codes'][number]) => {
    for (const language of languages) addTerm(concept, language, ysoLabel(code[language]), `yso:${code.code}`);
  };
  for (const code of yso.codes) {
    if (isExcluded(code, rules)) continue;
    const linked = linkedConcepts(code, keys);
    for (const id of linked) addLabels(byId.get(id)!, code);
    if (linked.length > 0) continue;
    const parent = selectedBy(code, rules);
    if (!parent) continue;
    if (!byId.has(parent)) throw new Error(`yso-rules.json: unknown concept ${parent}`);
    const preferred = { fi: ysoLabel(code.fi).toLocaleLowerCase('fi'), sv: ysoLabel(code.sv).toLocaleLowerCase('sv'), en: ysoLabel(code.en).toLocaleLowerCase('en') };
    const concept = newConcept(`yso-${code.code}`, preferred);
    addLabels(concept, code);
    if (languages.some((language) => concept.terms[language].length === 0)) continue;
    concept.broader.push(parent);
    concepts.push(concept);
  }
}
