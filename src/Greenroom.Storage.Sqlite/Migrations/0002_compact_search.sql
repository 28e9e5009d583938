-- Search rows were a rowid table with three indexes: four copies of every row, written for every stitched entity
-- (about 25 rows each), which dominated both stitching time and file size. Now the table itself is clustered by
-- (entity_ref, key, seq), which serves the per-entity probes, and one covering index serves filters (its
-- (key, value) ranges list refs in ref order, so a page can stop early), counts and facets. seq is the row's
-- position among its entity's rows. The foreign key to final_entities (checked per inserted row) becomes a trigger
-- that drops an entity's rows with its final form, deleted directly or by cascade.

CREATE TABLE search_compact (
    entity_ref TEXT NOT NULL,
    key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    value TEXT,
    original_value TEXT,
    PRIMARY KEY (entity_ref, key, seq)
) WITHOUT ROWID;

INSERT INTO search_compact (entity_ref, key, seq, value, original_value)
SELECT entity_ref, key, rowid, value, original_value FROM search;

DROP TABLE search;
ALTER TABLE search_compact RENAME TO search;

CREATE INDEX search_key_value ON search (key, value, entity_ref, original_value);

CREATE TRIGGER final_entities_drop_search AFTER DELETE ON final_entities
BEGIN
    DELETE FROM search WHERE entity_ref = old.ref;
END;

-- Cached aggregates (counts, facets) are valid for one value of this counter; writes of final forms bump it.
INSERT INTO counters (name, value) VALUES ('final_generation', 0) ON CONFLICT (name) DO NOTHING;
