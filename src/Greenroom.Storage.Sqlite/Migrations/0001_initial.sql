-- Greenroom catalog schema, version 1.
-- Refs are lower-cased keys; times are UTC ticks; ids and uids are GUID text.

CREATE TABLE locations (
    id TEXT NOT NULL PRIMARY KEY,
    type TEXT NOT NULL,
    target TEXT NOT NULL,
    origin TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    state TEXT NOT NULL,
    last_refresh_at INTEGER,
    entity_count INTEGER NOT NULL,
    errors_json TEXT NOT NULL,
    UNIQUE (type, target)
);

-- One row per entity a location produces: the processed form, before stitching.
CREATE TABLE entities (
    ref TEXT NOT NULL PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    location_id TEXT NOT NULL REFERENCES locations (id),
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    processed_json TEXT NOT NULL,
    errors_json TEXT NOT NULL,
    is_orphan INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX entities_location ON entities (location_id);
CREATE INDEX entities_source ON entities (source);

-- Relations as emitted by their originating entity (both directions); targets may not exist.
CREATE TABLE relations (
    originating_ref TEXT NOT NULL REFERENCES entities (ref) ON DELETE CASCADE,
    source_ref TEXT NOT NULL,
    type TEXT NOT NULL,
    target_ref TEXT NOT NULL
);
CREATE INDEX relations_originating ON relations (originating_ref);
CREATE INDEX relations_source ON relations (source_ref);

-- The stitched entity as served by the API.
CREATE TABLE final_entities (
    ref TEXT NOT NULL PRIMARY KEY REFERENCES entities (ref) ON DELETE CASCADE,
    uid TEXT NOT NULL UNIQUE,
    final_json TEXT NOT NULL,
    final_hash TEXT NOT NULL,
    stitched_at INTEGER NOT NULL
);

-- Flattened key/value rows of final entities: filters, ordering, facets and full text run here.
CREATE TABLE search (
    entity_ref TEXT NOT NULL REFERENCES final_entities (ref) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT,
    original_value TEXT
);
CREATE INDEX search_key_value ON search (key, value, entity_ref);
CREATE INDEX search_entity_key ON search (entity_ref, key, value);
-- Facets group by the value as written: this index lets them stream in order instead of sorting every row.
CREATE INDEX search_facet ON search (key, original_value, entity_ref);

-- Every change to a final form; kept after the entity is deleted.
CREATE TABLE entity_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL,
    entity_ref TEXT NOT NULL,
    at INTEGER NOT NULL,
    location_id TEXT,
    change TEXT NOT NULL,
    diff_json TEXT NOT NULL
);
CREATE INDEX entity_history_uid ON entity_history (uid, seq);

-- Refs whose final form must be recomputed. The ticket orders the queue and tells a stitcher whether a ref was
-- enqueued again while it was being stitched (then it must stay queued).
CREATE TABLE stitch_queue (
    ref TEXT NOT NULL PRIMARY KEY,
    ticket INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX stitch_queue_ticket ON stitch_queue (ticket, ref);

CREATE TABLE counters (
    name TEXT NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('stitch_ticket', 0);
