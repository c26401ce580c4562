-- Deltas between published revisions (issue 22): at each publish, a signed delta from each of
-- the last few revisions to the new one, and a signed index of them. Kept byte for byte as
-- signed, like feed_revisions; a browser fetches /feed/deltas/index.json, then one delta.
CREATE TABLE feed_deltas (
  from_revision int NOT NULL REFERENCES feed_revisions (revision),
  to_revision int NOT NULL REFERENCES feed_revisions (revision),
  body text NOT NULL,
  signature text NOT NULL,
  PRIMARY KEY (from_revision, to_revision)
);

CREATE TABLE feed_delta_indexes (
  revision int PRIMARY KEY REFERENCES feed_revisions (revision),
  body text NOT NULL,
  signature text NOT NULL
);
