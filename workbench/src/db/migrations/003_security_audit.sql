-- Security audit fixes (issue 19): verifiedBy (M3) and the inbox index (L3).

-- verifiedBy is published in the feed: it names an organisation or a role, never a maintainer's
-- e-mail (security audit M3). Rows verified before the fix carry the maintainer's e-mail; they
-- now name the catalogue's maintainer organisation, and the audit history keeps the e-mail
-- (internal) as the change's "before".
WITH changed AS (
  UPDATE records AS r
  SET data = jsonb_set(r.data, '{verifiedBy}', to_jsonb(coalesce((SELECT h.data #>> '{maintainer,name}' FROM catalogue_header h), 'Järjestöoppaan ylläpito'))),
      updated_at = now()
  FROM records AS old
  WHERE old.kind = r.kind AND old.id = r.id AND r.data->>'verifiedBy' LIKE '%@%'
  RETURNING r.kind, r.id, old.data AS before, r.data AS after
)
INSERT INTO audit_log (actor, action, kind, record_id, before, after)
SELECT 'migration 003', 'edit', kind, id, before, after FROM changed;

-- The inbox pages through reports newest first, by state (audit L3: the public intake can send
-- thousands): one index serves the page and its count.
CREATE INDEX reports_by_state_newest ON reports (status, received_at DESC, id DESC);
