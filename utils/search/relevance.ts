import { z } from 'zod';

/**
 * Relevance measurement over query sets (`npm run relevance`): hit@1, hit@3 and mean reciprocal
 * rank over the queries that expect an organisation, and for the queries that expect no direct
 * match, how often the answer says so (no result, or only weak ones). Pure: the caller ranks.
 */
const queryCaseSchema = z.object({
  query: z.string().min(1),
  expect: z.array(z.string()),
  why: z.string().optional(),
  /** The crisis need this query expresses (suicide, self-harm, violence, …). */
  crisis: z.string().optional(),
  /** No service in the catalogue meets this need: the right answer is "no direct match". */
  noMatch: z.boolean().optional(),
  /** Blind sets: which half (development or held-out) and what kind of query. */
  half: z.enum(['dev', 'heldout']).optional(),
  kind: z.string().optional(),
});
export const querySetSchema = z.object({ about: z.string().optional(), queries: z.array(queryCaseSchema) });
export type QueryCase = z.infer<typeof queryCaseSchema>;

/** One ranked result as the measurement sees it. */
export interface RankedOrganisation {
  organisationId: string;
  weak: boolean;
  /** Shown under the crisis header (crisis help for a crisis need in the query). */
  crisis?: boolean;
}

export interface SetFigures {
  /** Queries that expect an organisation. */
  matchQueries: number;
  hit1: number;
  hit3: number;
  mrr: number;
  /** Queries that expect an organisation but got no result at all. */
  silent: number;
  /** Queries that expect an organisation but got only weak results ("no direct match"). */
  allWeak: number;
  weakOnly: string[];
  /** Expect-nothing queries, and how many were answered with nothing or only weak results. */
  noMatchQueries: number;
  noMatchCorrect: number;
  /**
   * Crisis queries, and how many had an expected (crisis) organisation first, shown as crisis
   * help (the header) and not as a weak match.
   */
  crisisQueries: number;
  crisisFirst: number;
  /** Queries that missed the top 3 (or, for no-match ones, got a confident answer). */
  misses: Array<{ query: string; got: string[] }>;
}

export function measureSet(cases: QueryCase[], rank: (query: string) => RankedOrganisation[]): SetFigures {
  const figures: SetFigures = {
    matchQueries: 0, hit1: 0, hit3: 0, mrr: 0, silent: 0, allWeak: 0, weakOnly: [],
    noMatchQueries: 0, noMatchCorrect: 0, crisisQueries: 0, crisisFirst: 0, misses: [],
  };
  for (const entry of cases) {
    const ranked = rank(entry.query);
    const got = ranked.slice(0, 3).map(({ organisationId, weak }) => (weak ? `(${organisationId})` : organisationId));
    if (entry.noMatch) {
      figures.noMatchQueries += 1;
      if (ranked.every(({ weak }) => weak)) figures.noMatchCorrect += 1;
      else figures.misses.push({ query: entry.query, got });
      continue;
    }
    figures.matchQueries += 1;
    if (ranked.length === 0) figures.silent += 1;
    else if (ranked.every(({ weak }) => weak)) {
      figures.allWeak += 1;
      figures.weakOnly.push(entry.query);
    }
    const at = ranked.findIndex(({ organisationId }) => entry.expect.includes(organisationId));
    if (at === 0) figures.hit1 += 1;
    if (at >= 0 && at < 3) figures.hit3 += 1;
    else figures.misses.push({ query: entry.query, got });
    if (at >= 0) figures.mrr += 1 / (at + 1);
    if (entry.crisis) {
      figures.crisisQueries += 1;
      const first = ranked[0];
      if (at === 0 && first && first.crisis !== false && !first.weak) figures.crisisFirst += 1;
    }
  }
  if (figures.matchQueries > 0) figures.mrr /= figures.matchQueries;
  return figures;
}

const ratio = (part: number, whole: number) => (whole === 0 ? '–' : `${part}/${whole} (${Math.round((100 * part) / whole)} %)`);

export function formatTable(rows: Array<[string, SetFigures]>): string {
  const lines = [
    '| query set | queries | hit@1 | hit@3 | MRR | silent | only weak | no-match accuracy | crisis line first |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, f] of rows) {
    lines.push(
      `| ${name} | ${f.matchQueries + f.noMatchQueries} | ${ratio(f.hit1, f.matchQueries)} | ${ratio(f.hit3, f.matchQueries)} | ` +
        `${f.mrr.toFixed(3)} | ${f.silent} | ${f.allWeak} | ${ratio(f.noMatchCorrect, f.noMatchQueries)} | ${ratio(f.crisisFirst, f.crisisQueries)} |`,
    );
  }
  return lines.join('\n');
}
