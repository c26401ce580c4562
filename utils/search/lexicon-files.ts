import crisisNeedsJson from '../../data/crisis-needs.json';
import morphologyJson from '../../data/morphology.json';
import queryWordsJson from '../../data/query-words.json';
import { crisisNeedsFileSchema, morphologyFileSchema, queryWordsFileSchema, type LexiconFiles } from './lexicon';

/** The repository's curated lexicon files (data/), validated; packed into every index. */
export function bundledLexiconFiles(): LexiconFiles {
  return {
    crisisNeeds: crisisNeedsFileSchema.parse(crisisNeedsJson),
    queryWords: queryWordsFileSchema.parse(queryWordsJson),
    morphology: morphologyFileSchema.parse(morphologyJson),
  };
}
