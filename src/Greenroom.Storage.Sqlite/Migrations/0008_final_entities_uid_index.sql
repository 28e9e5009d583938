-- final_entities.uid was UNIQUE in the table's definition, an index SQLite owns and nothing may drop. A cold stitch
-- writes final forms in ref order, which is random uid order: every transaction dirtied nearly every page of that index
-- and logged it again (at 100k entities, a quarter of a gigabyte of log and as much checkpoint copying). The uid index
-- is now an ordinary one that a bulk stitch drops and builds again at its end, like the filter and history indexes.
-- Uids stay unique through entities.uid: a final form is only written with the uid of the entity it was built from.

CREATE TABLE final_entities_rebuilt (
    ref TEXT NOT NULL PRIMARY KEY REFERENCES entities (ref) ON DELETE CASCADE,
    uid TEXT NOT NULL,
    final_json TEXT NOT NULL,
    final_hash TEXT NOT NULL,
    stitched_at INTEGER NOT NULL
);

INSERT INTO final_entities_rebuilt (ref, uid, final_json, final_hash, stitched_at)
SELECT ref, uid, final_json, final_hash, stitched_at FROM final_entities ORDER BY ref;

DROP TRIGGER IF EXISTS final_entities_drop_search;
DROP TABLE final_entities;
ALTER TABLE final_entities_rebuilt RENAME TO final_entities;

CREATE INDEX final_entities_uid ON final_entities (uid);

CREATE TRIGGER final_entities_drop_search AFTER DELETE ON final_entities
BEGIN
    DELETE FROM search WHERE entity_ref = old.ref;
END;
