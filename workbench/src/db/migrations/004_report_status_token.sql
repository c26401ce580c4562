-- The nurse hears back (issue 19): the intake gives each report a status token, and only a
-- SHA-256 of it is kept here. The token reads that one report's state and reply
-- (GET /api/reports/:id/status); null for reports received before this migration.
ALTER TABLE reports ADD COLUMN status_token_hash text;
