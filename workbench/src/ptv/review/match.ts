/**
 * Which hand-made catalogue service a PTV service probably is. Proposed, never applied: the
 * maintainer confirms a match. The organisation's business id (y-tunnus) is the strong signal
 * once one of its services has been linked; names are compared as letter trigrams so
 * word order, case and legal suffixes ("ry") matter little.
 */
import { normaliseName } from '@jarjestoopas/utils/sessions/match-names';
import type { PtvDraft } from '../map/record';

function trigrams(text: string): Map<string, number> {
  const padded = `  ${normaliseName(text)} `;
  const grams = new Map<string, number>();
  for (let index = 0; index + 3 <= padded.length; index += 1) {
    const gram = padded.slice(index, index + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of letter trigrams: 1 for the same name, 0 for nothing in common. */
function nameSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of left) {
    shared += Math.min(count, right.get(gram) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

export interface MatchCandidate {
  serviceId: string;
  serviceName: string;
  organisationId: string;
  organisationName: string;
}

export interface MatchProposal extends MatchCandidate {
  score: number;
  byBusinessId: boolean;
}

/** Below this nothing is proposed: unrelated names share a few trigrams by chance. */
const THRESHOLD = 0.4;

/**
 * Up to `limit` services, best first. `organisationsByBusinessId` are the catalogue
 * organisations already confirmed to carry the draft's business id.
 */
export function proposeMatches(draft: PtvDraft, candidates: readonly MatchCandidate[], organisationsByBusinessId: ReadonlySet<string>, limit = 3): MatchProposal[] {
  const names = [draft.names.fi, draft.names.sv, draft.names.en].filter((name): name is string => Boolean(name));
  return candidates
    .map((candidate) => {
      const byBusinessId = organisationsByBusinessId.has(candidate.organisationId);
      const service = Math.max(0, ...names.map((name) => nameSimilarity(name, candidate.serviceName)));
      const organisation = byBusinessId ? 1 : nameSimilarity(draft.organisation.name, candidate.organisationName);
      return { ...candidate, byBusinessId, score: 0.6 * service + 0.4 * organisation };
    })
    .filter((proposal) => proposal.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score || a.serviceId.localeCompare(b.serviceId))
    .slice(0, limit);
}
