import needsJson from '../../data/vocabulary/needs.json' with { type: 'json' };
import overridesJson from '../../data/vocabulary/tag-overrides.json' with { type: 'json' };
import { needsFileSchema, tagOverridesFileSchema, type CompiledVocabulary } from '../vocabulary/schema';
import type { SynonymFile } from './synonyms';
import { compileVocabulary } from './vocabulary';

/** The repository's need vocabulary (data/vocabulary/), validated and compiled: what the build packs. */
function bundledVocabulary(): CompiledVocabulary {
  return compileVocabulary(needsFileSchema.parse(needsJson), tagOverridesFileSchema.parse(overridesJson));
}

/** A synonym file with the bundled vocabulary added (unless it already carries one). */
export function withBundledVocabulary(file: SynonymFile): SynonymFile {
  return file.vocabulary ? file : { ...file, vocabulary: bundledVocabulary() };
}
