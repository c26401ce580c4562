-- Services imported from Suomi.fi PTV (issue 21) wait here as drafts: nothing in these tables
-- reaches the feed. A maintainer's acceptance copies facts into `records`, which the next
-- publish signs. Every run and every decision is also written to audit_log.

-- One row per import run (the command line, the schedule, or a test).
CREATE TABLE ptv_import_runs (
  id serial PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  started_by text NOT NULL,
  base_url text NOT NULL,
  municipalities jsonb NOT NULL,
  -- new / changed / unchanged / skipped / gone counts, or null while running or after a failure
  summary jsonb,
  error text
);

-- The latest draft of each PTV service the imports have seen.
-- review: new (no catalogue record yet, something to decide), changed (linked record, fields to
-- decide), gone (PTV no longer lists it and a record is linked), done (nothing to decide),
-- skipped (not an NGO's service: never reviewed).
CREATE TABLE ptv_services (
  ptv_id text PRIMARY KEY,
  draft jsonb NOT NULL,
  ptv_modified text,
  imported_at timestamptz NOT NULL,
  -- the record's address in the PTV API it came from: the `sources` entry of accepted facts
  source_url text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  import_status text NOT NULL CHECK (import_status IN ('new', 'changed', 'unchanged', 'skipped')),
  skip_reason text,
  last_run_id int REFERENCES ptv_import_runs (id),
  gone_at timestamptz,
  -- when a maintainer decided what a gone service means (ended the record, or kept it)
  gone_decided_at timestamptz,
  -- the catalogue service this PTV service feeds (created on acceptance, or matched by a maintainer)
  record_id text,
  review text NOT NULL CHECK (review IN ('new', 'changed', 'gone', 'done', 'skipped')),
  -- the fields waiting for a decision: [{field, old, new}]
  pending jsonb NOT NULL DEFAULT '[]',
  -- for sorting and matching without opening the JSON
  name text NOT NULL,
  organisation_name text NOT NULL,
  business_code text
);
CREATE INDEX ptv_services_review ON ptv_services (review, name, ptv_id);
CREATE UNIQUE INDEX ptv_services_record ON ptv_services (record_id) WHERE record_id IS NOT NULL;

-- Per-field decisions. `value` is the PTV value decided on: a rejected change is asked again
-- only when PTV's value for that field differs from it. An accepted row is the fact's
-- provenance: which PTV service, its `modified`, when it was imported.
CREATE TABLE ptv_decisions (
  id serial PRIMARY KEY,
  ptv_id text NOT NULL REFERENCES ptv_services (ptv_id),
  field text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  value jsonb,
  ptv_modified text,
  imported_at timestamptz NOT NULL,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ptv_decisions_field ON ptv_decisions (ptv_id, field, id);

-- A PTV organisation confirmed to be a catalogue organisation (when a maintainer matched or
-- accepted one of its services): later services of the same business id are proposed to it.
CREATE TABLE ptv_organisation_links (
  ptv_organisation_id text PRIMARY KEY,
  business_code text,
  organisation_id text NOT NULL,
  linked_by text NOT NULL,
  linked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ptv_organisation_links_business_code ON ptv_organisation_links (business_code);
