import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJson } from './helpers';

// Shape and bookkeeping checks for the blind query set (written from the catalogue alone).
// They say nothing about how the search ranks these queries; they only keep the set honest:
// real organisation ids, the promised mix of kinds, balanced halves, no repeats.

const FILE = 'tests/unit/fixtures/blind-2026-12-queries.json';

const KIND_MINIMUMS = {
  'short-fi': 35,
  typo: 25,
  'situation-fi': 55,
  'indirect-fi': 30,
  sv: 30,
  en: 25,
  crisis: 24,
  'no-match': 24,
} as const;
const NEED_KINDS = ['short-fi', 'typo', 'situation-fi', 'indirect-fi', 'sv', 'en'] as const;
const MIN_NEED_QUERIES = 200;
const CRISIS_NEEDS = ['suicide', 'self-harm', 'acute-crisis', 'violence', 'sexual-violence'] as const;

const kindSchema = z.enum(Object.keys(KIND_MINIMUMS) as [keyof typeof KIND_MINIMUMS, ...(keyof typeof KIND_MINIMUMS)[]]);

const querySchema = z
  .strictObject({
    query: z.string().trim().min(1),
    expect: z.array(z.string().min(1)),
    why: z.string().min(1),
    half: z.enum(['dev', 'heldout']),
    kind: kindSchema,
    crisis: z.enum(CRISIS_NEEDS).optional(),
    noMatch: z.literal(true).optional(),
  })
  .superRefine((entry, ctx) => {
    if (!entry.why.startsWith(`${entry.kind}: `)) ctx.addIssue({ code: 'custom', message: 'why must start with "<kind>: "' });
    if ((entry.kind === 'crisis') !== (entry.crisis !== undefined))
      ctx.addIssue({ code: 'custom', message: 'crisis kind and crisis need go together' });
    if ((entry.kind === 'no-match') !== (entry.noMatch === true))
      ctx.addIssue({ code: 'custom', message: 'no-match kind and noMatch go together' });
    if (entry.noMatch && entry.expect.length > 0) ctx.addIssue({ code: 'custom', message: 'noMatch expects nothing' });
    if (!entry.noMatch && entry.expect.length === 0) ctx.addIssue({ code: 'custom', message: 'a need must expect an organisation' });
    if (new Set(entry.expect).size !== entry.expect.length) ctx.addIssue({ code: 'custom', message: 'expect repeats an id' });
  });

const fileSchema = z.strictObject({
  about: z.string().min(40),
  queries: z.array(querySchema).min(1),
});

// Only the catalogue fields these checks need; the catalogue's own schema is tested elsewhere.
const catalogueSchema = z.object({
  organisations: z.array(z.object({ id: z.string() })),
  services: z.array(
    z.object({ organisationId: z.string(), crisisHelp: z.array(z.string()).optional() }),
  ),
});

type Catalogue = z.infer<typeof catalogueSchema>;

function normalised(query: string): string {
  return query.toLocaleLowerCase('fi').replace(/\s+/g, ' ').trim();
}

/** Every problem found in a candidate query file, as readable lines; empty when the file is sound. */
function problemsOf(candidate: unknown, catalogue: Catalogue): string[] {
  const parsed = fileSchema.safeParse(candidate);
  if (!parsed.success)
    return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const problems: string[] = [];
  const { queries } = parsed.data;

  // An organisation without services can never be the right answer, so it must not be expected.
  const withServices = new Set(catalogue.services.map((service) => service.organisationId));
  const known = new Set(catalogue.organisations.map((organisation) => organisation.id));
  for (const entry of queries)
    for (const id of entry.expect) {
      if (!known.has(id)) problems.push(`"${entry.query}": unknown organisation ${id}`);
      else if (!withServices.has(id)) problems.push(`"${entry.query}": ${id} has no services`);
    }

  // A crisis query must expect at least one organisation whose service answers that very need.
  for (const entry of queries.filter((candidateEntry) => candidateEntry.crisis)) {
    const answering = catalogue.services.some(
      (service) => entry.expect.includes(service.organisationId) && service.crisisHelp?.includes(entry.crisis!),
    );
    if (!answering) problems.push(`"${entry.query}": no expected organisation offers crisis help for ${entry.crisis}`);
  }

  const seen = new Map<string, number>();
  for (const entry of queries) seen.set(normalised(entry.query), (seen.get(normalised(entry.query)) ?? 0) + 1);
  for (const [query, count] of seen) if (count > 1) problems.push(`duplicate query "${query}" (${count}×)`);

  for (const [kind, minimum] of Object.entries(KIND_MINIMUMS)) {
    const ofKind = queries.filter((entry) => entry.kind === kind);
    if (ofKind.length < minimum) problems.push(`${kind}: ${ofKind.length} queries, at least ${minimum} wanted`);
    const dev = ofKind.filter((entry) => entry.half === 'dev').length;
    if (Math.abs(dev - (ofKind.length - dev)) > 1)
      problems.push(`${kind}: halves unbalanced (${dev} dev, ${ofKind.length - dev} heldout)`);
  }
  // Situations are what a nurse types about a client: a short phrase, not a word and not a story.
  for (const entry of queries.filter((candidateEntry) => candidateEntry.kind === 'situation-fi')) {
    const words = entry.query.split(/\s+/).length;
    if (words < 3 || words > 8) problems.push(`"${entry.query}": situation of ${words} words, 3–8 wanted`);
  }

  const needs = queries.filter((entry) => (NEED_KINDS as readonly string[]).includes(entry.kind)).length;
  if (needs < MIN_NEED_QUERIES) problems.push(`${needs} need queries, at least ${MIN_NEED_QUERIES} wanted`);

  for (const need of CRISIS_NEEDS)
    if (!queries.some((entry) => entry.crisis === need)) problems.push(`no crisis query for ${need}`);

  return problems;
}

describe('the blind query set (2026-12)', () => {
  const catalogue = catalogueSchema.parse(readJson('data/catalogue.json'));
  const file = readJson(FILE);

  it('has the promised shape, real ids, mix of kinds, balanced halves and no repeats', () => {
    expect(problemsOf(file, catalogue)).toEqual([]);
  });

  it('covers the catalogue as of writing: every organisation with services is expected somewhere', () => {
    const { queries } = fileSchema.parse(file);
    const expected = new Set(queries.flatMap((entry) => entry.expect));
    const withServices = new Set(catalogue.services.map((service) => service.organisationId));
    const missed = [...withServices].filter((id) => !expected.has(id));
    expect(missed).toEqual([]);
  });

  it('reports a doctored copy: unknown id, duplicate, unbalanced halves, crisis without a crisis service', () => {
    const { about, queries } = fileSchema.parse(file);
    const first = queries.find((entry) => entry.kind === 'en')!;
    const crisis = queries.find((entry) => entry.crisis === 'violence')!;
    const doctored = {
      about,
      queries: [
        ...queries.map((entry) => (entry.kind === 'sv' ? { ...entry, half: 'dev' } : entry)),
        { ...first, expect: ['no-such-organisation'] },
        { ...crisis, query: `${crisis.query} nyt`, expect: ['diabeteksen-vertaistuki'] },
      ],
    };
    const problems = problemsOf(doctored, catalogue).join('\n');
    expect(problems).toContain('unknown organisation no-such-organisation');
    expect(problems).toContain(`duplicate query "${normalised(first.query)}"`);
    expect(problems).toContain('sv: halves unbalanced');
    expect(problems).toContain('no expected organisation offers crisis help for violence');
    const situation = queries.find((entry) => entry.kind === 'situation-fi')!;
    expect(problemsOf({ about, queries: [{ ...situation, query: 'omaishoitaja' }] }, catalogue).join('\n')).toContain(
      'situation of 1 words, 3–8 wanted',
    );
  });

  it('rejects a no-match query that expects something, and a crisis query without its need', () => {
    const { about, queries } = fileSchema.parse(file);
    const noMatch = queries.find((entry) => entry.noMatch)!;
    const crisis = queries.find((entry) => entry.crisis)!;
    const { crisis: _dropped, ...crisisWithoutNeed } = crisis;
    expect(problemsOf({ about, queries: [{ ...noMatch, expect: ['mieli-ry'] }] }, catalogue)).toContain(
      'queries.0: noMatch expects nothing',
    );
    expect(problemsOf({ about, queries: [crisisWithoutNeed] }, catalogue)).toContain(
      'queries.0: crisis kind and crisis need go together',
    );
  });
});
