-- The workbench's first schema. Nothing is ever deleted: records are marked ended, reports
-- closed, revisions kept; every change to the catalogue leaves a row in audit_log.

-- The catalogue's top level that is not a record: schemaVersion, region, maintainer.
CREATE TABLE catalogue_header (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  data jsonb NOT NULL
);

-- Every catalogue record as the shared schema's JSON (utils/catalogue/schema.ts), one row each.
-- kind: category | organisation | service | site | infoSession. position keeps the file order.
CREATE TABLE records (
  kind text NOT NULL CHECK (kind IN ('category', 'organisation', 'service', 'site', 'infoSession')),
  id text NOT NULL,
  position int NOT NULL,
  data jsonb NOT NULL,
  ended_at timestamptz,
  ended_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, id)
);

CREATE TABLE maintainers (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- Sign-in sessions: only a SHA-256 of the cookie's token is stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  maintainer_id int NOT NULL REFERENCES maintainers (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);

-- Stale-contact reports from the extension (data/report.schema.json). The Idempotency-Key is
-- unique: a repeat after a lost reply finds the row instead of adding one.
CREATE TABLE reports (
  id uuid PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  received_at timestamptz NOT NULL DEFAULT now(),
  service_id text NOT NULL,
  body jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fixed', 'not-a-problem')),
  closed_at timestamptz,
  closed_by text,
  reply text
);
CREATE INDEX reports_open_by_service ON reports (service_id) WHERE status = 'open';

-- Who changed what, when: before and after as JSON (null before = created).
CREATE TABLE audit_log (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  kind text NOT NULL,
  record_id text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_record ON audit_log (kind, record_id, at);

-- Every published feed, byte for byte, with its detached signature.
CREATE TABLE feed_revisions (
  revision int PRIMARY KEY,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL,
  catalogue text NOT NULL,
  signature text NOT NULL,
  etag text NOT NULL,
  republished_from int REFERENCES feed_revisions (revision)
);

-- Booking sheets uploaded for preview; publishing one replaces the catalogue's info sessions.
CREATE TABLE session_imports (
  id serial PRIMARY KEY,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  uploaded_by text NOT NULL,
  file_name text NOT NULL,
  csv text NOT NULL,
  sessions jsonb NOT NULL,
  applied_at timestamptz
);
