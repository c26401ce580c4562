import needsJson from '../../data/vocabulary/needs.json' with { type: 'json' };
import { needsFileSchema } from './schema';

export interface ConceptLabel {
  id: string;
  preferred: { fi: string; sv: string; en: string };
}

/**
 * The bundled need concepts by id and preferred label: what the workbench offers maintainers
 * when they add a term to a concept (the extension ships the same concepts, so a term added to
 * one of these is merged by every installed version).
 */
export function bundledConcepts(): ConceptLabel[] {
  return needsFileSchema.parse(needsJson).concepts.map(({ id, preferred }) => ({ id, preferred }));
}
