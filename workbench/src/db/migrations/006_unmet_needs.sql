-- Issue 20 item 4: nurses' missing-service reports (search words that found no direct match)
-- and what maintainers add to the search vocabulary from them. The additions go into every
-- publish, in the feed's `vocabulary` section; the extension merges them over its bundled one.

-- One row per report (data/report.schema.json, kind "missing-service"), stored once per
-- Idempotency-Key. normalised_words is the grouping key (utils/reports/missing-words.ts).
CREATE TABLE missing_service_reports (
  id uuid PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  received_at timestamptz NOT NULL DEFAULT now(),
  normalised_words text NOT NULL,
  body jsonb NOT NULL,
  resolved_at timestamptz,
  resolved_by text,
  resolution text
);
CREATE INDEX missing_service_reports_open_words ON missing_service_reports (normalised_words, received_at) WHERE resolved_at IS NULL;

-- A term a maintainer added to a need concept (data/vocabulary/needs.json ids), per language.
CREATE TABLE vocabulary_terms (
  id serial PRIMARY KEY,
  concept_id text NOT NULL,
  language text NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
  term text NOT NULL,
  source text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  added_by text NOT NULL
);
CREATE UNIQUE INDEX vocabulary_terms_once ON vocabulary_terms (concept_id, language, lower(term));

-- A keyword a maintainer added to a service, so that the reported words find it.
CREATE TABLE service_keywords (
  id serial PRIMARY KEY,
  service_id text NOT NULL,
  keyword text NOT NULL,
  source text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  added_by text NOT NULL
);
CREATE UNIQUE INDEX service_keywords_once ON service_keywords (service_id, lower(keyword));
