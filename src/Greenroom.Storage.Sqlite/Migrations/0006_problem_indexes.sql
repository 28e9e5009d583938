-- The entities with processing errors and the orphans are few, but counting or listing them scanned every entity row,
-- past its processed JSON (0.1-0.4 s at 100k entities, on every /healthz and on the locations page). Partial indexes
-- hold only those rows. Errors are stored as '[]' when there are none, which is what the first index leaves out;
-- queries keep their json test on top, so a malformed value still counts as an error.
CREATE INDEX IF NOT EXISTS entities_with_errors ON entities (ref) WHERE errors_json <> '[]';
CREATE INDEX IF NOT EXISTS entities_orphaned ON entities (ref) WHERE is_orphan = 1;
