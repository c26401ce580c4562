/**
 * Nurses' missing-service reports (search words with no direct match) and the vocabulary
 * maintainers add from them: terms on need concepts, keywords on services. Both additions go
 * into every publish (the feed's `vocabulary` section); each is written with its audit row.
 */
import type { FeedVocabulary } from '@jarjestoopas/utils/catalogue/schema';
import { normaliseMissingWords } from '@jarjestoopas/utils/reports/missing-words';
import type { MissingServiceReport } from '@jarjestoopas/utils/reports/schema';
import type { Db, Queryable } from '../db/db';
import { audit } from './audit';
import { json } from './json';

/** Stores a report once per Idempotency-Key (a repeat after a lost reply finds the first row). */
export async function insertMissingServiceReport(db: Queryable, report: MissingServiceReport, idempotencyKey: string): Promise<{ created: boolean; id: string }> {
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO missing_service_reports (id, idempotency_key, normalised_words, body) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT DO NOTHING RETURNING id`,
    [report.id, idempotencyKey, normaliseMissingWords(report.words), json(report)],
  );
  if (inserted.length > 0) return { created: true, id: inserted[0]!.id };
  const [existing] = await db.query<{ id: string }>('SELECT id::text AS id FROM missing_service_reports WHERE idempotency_key = $1 OR id = $2', [idempotencyKey, report.id]);
  return { created: false, id: existing?.id ?? report.id };
}

export type MissingGrouping = 'words' | 'concept';

export interface MissingGroup {
  /** The normalised words, or a concept id ('' = the search guessed no concept). */
  key: string;
  count: number;
  latest: Date;
  /** The words as nurses typed them (a few, newest first). */
  words: string[];
  /** The concepts the search guessed for these reports, most often first. */
  concepts: string[];
  /** The UI languages the reports came from, most often first. */
  languages: string[];
}

export interface MissingGroupPage {
  groups: MissingGroup[];
  totalGroups: number;
  totalReports: number;
}

/** The grouping key of each open report, one row per (report, key): a report may guess several concepts. */
const KEYED = {
  words: `SELECT r.*, r.normalised_words AS key FROM missing_service_reports r WHERE r.resolved_at IS NULL`,
  concept: `SELECT r.*, coalesce(g.c, '') AS key FROM missing_service_reports r
            LEFT JOIN LATERAL jsonb_array_elements_text(r.body->'guessedConcepts') AS g(c) ON true WHERE r.resolved_at IS NULL`,
} as const;

/** Open reports grouped by words or by guessed concept, with counts; the newest group first; one page. */
export async function listMissingGroups(db: Queryable, by: MissingGrouping, page: number, pageSize: number): Promise<MissingGroupPage> {
  const rows = await db.query<{ key: string; n: number; latest: Date; words: string[]; concepts: string[] | null; languages: string[] }>(
    `WITH keyed AS (${KEYED[by]})
     SELECT key, count(DISTINCT id)::int AS n, max(received_at) AS latest,
       (array_agg(body->>'words' ORDER BY received_at DESC))[1:5] AS words,
       (SELECT array_agg(c ORDER BY cnt DESC, c) FROM (
          SELECT c, count(*) AS cnt FROM keyed k2, jsonb_array_elements_text(k2.body->'guessedConcepts') AS x(c)
          WHERE k2.key = keyed.key GROUP BY c) AS cc) AS concepts,
       (SELECT array_agg(l ORDER BY cnt DESC, l) FROM (
          SELECT k3.body->>'language' AS l, count(*) AS cnt FROM keyed k3 WHERE k3.key = keyed.key GROUP BY 1) AS ll) AS languages
     FROM keyed GROUP BY key ORDER BY max(received_at) DESC, key LIMIT $1 OFFSET $2`,
    [pageSize, Math.max(0, page - 1) * pageSize],
  );
  const [totals] = await db.query<{ groups: number; reports: number }>(
    `WITH keyed AS (${KEYED[by]}) SELECT count(DISTINCT key)::int AS groups, count(DISTINCT id)::int AS reports FROM keyed`,
  );
  return {
    groups: rows.map((row) => ({
      key: row.key,
      count: Number(row.n),
      latest: new Date(row.latest),
      words: [...new Set(row.words)],
      concepts: row.concepts ?? [],
      languages: row.languages ?? [],
    })),
    totalGroups: Number(totals?.groups ?? 0),
    totalReports: Number(totals?.reports ?? 0),
  };
}

/** The open reports of one group are answered by the maintainer's addition. */
async function resolveGroup(tx: Queryable, group: { by: MissingGrouping; key: string } | undefined, resolution: string, actor: string): Promise<number> {
  if (!group) return 0;
  const where = group.by === 'words' ? 'normalised_words = $1' : `(body->'guessedConcepts' @> jsonb_build_array($1::text) OR ($1 = '' AND jsonb_array_length(body->'guessedConcepts') = 0))`;
  const rows = await tx.query<{ id: string }>(
    `UPDATE missing_service_reports SET resolved_at = now(), resolved_by = $2, resolution = $3 WHERE resolved_at IS NULL AND ${where} RETURNING id::text AS id`,
    [group.key, actor, resolution],
  );
  return rows.length;
}

export interface TermAddition {
  conceptId: string;
  language: 'fi' | 'sv' | 'en';
  term: string;
  /** The maintaining organisation: the source the term carries in the feed. */
  source: string;
  actor: string;
  group?: { by: MissingGrouping; key: string };
}

/** Adds a term to a need concept (once; a repeat changes nothing) and closes the group it answers. */
export async function addConceptTerm(db: Db, addition: TermAddition): Promise<{ added: boolean; resolved: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>(
      `INSERT INTO vocabulary_terms (concept_id, language, term, source, added_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [addition.conceptId, addition.language, addition.term, addition.source, addition.actor],
    );
    const after = { concept: addition.conceptId, language: addition.language, text: addition.term, source: addition.source };
    if (rows.length > 0) await audit(tx, { actor: addition.actor, action: 'add-term', kind: 'vocabulary', recordId: addition.conceptId, after });
    const resolved = await resolveGroup(tx, addition.group, `term ${addition.conceptId}/${addition.language}: ${addition.term}`, addition.actor);
    return { added: rows.length > 0, resolved };
  });
}

export interface KeywordAddition {
  serviceId: string;
  keyword: string;
  source: string;
  actor: string;
  group?: { by: MissingGrouping; key: string };
}

/** Adds a keyword to a service (once) and closes the group it answers. */
export async function addServiceKeyword(db: Db, addition: KeywordAddition): Promise<{ added: boolean; resolved: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>(
      `INSERT INTO service_keywords (service_id, keyword, source, added_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [addition.serviceId, addition.keyword, addition.source, addition.actor],
    );
    const after = { service: addition.serviceId, keyword: addition.keyword, source: addition.source };
    if (rows.length > 0) await audit(tx, { actor: addition.actor, action: 'add-keyword', kind: 'vocabulary', recordId: addition.serviceId, after });
    const resolved = await resolveGroup(tx, addition.group, `keyword ${addition.serviceId}: ${addition.keyword}`, addition.actor);
    return { added: rows.length > 0, resolved };
  });
}

/**
 * The feed's vocabulary section: every addition in the order it was made; undefined when there
 * is none, so that a workbench without additions publishes exactly the catalogue it did before.
 * Keywords of services that have ended are left out (the feed may only name its own services).
 */
export async function feedVocabulary(db: Queryable): Promise<FeedVocabulary | undefined> {
  const terms = await db.query<{ concept_id: string; language: 'fi' | 'sv' | 'en'; term: string; source: string }>(
    'SELECT concept_id, language, term, source FROM vocabulary_terms ORDER BY id',
  );
  const keywords = await db.query<{ service_id: string; keyword: string; source: string }>(
    `SELECT k.service_id, k.keyword, k.source FROM service_keywords k
     JOIN records r ON r.kind = 'service' AND r.id = k.service_id AND r.ended_at IS NULL ORDER BY k.id`,
  );
  if (terms.length === 0 && keywords.length === 0) return undefined;
  return {
    terms: terms.map((row) => ({ concept: row.concept_id, language: row.language, text: row.term, source: row.source })),
    serviceKeywords: keywords.map((row) => ({ service: row.service_id, keyword: row.keyword, source: row.source })),
  };
}
