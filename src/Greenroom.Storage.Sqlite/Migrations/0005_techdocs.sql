-- TechDocs: each documented entity's built site (replaced as a whole), its pages and assets, and its latest build
-- status. The status lives apart so a failed rebuild records its problems while the last good site stays served.
CREATE TABLE techdocs_sites (
    entity_ref       TEXT    NOT NULL PRIMARY KEY,
    site_name        TEXT    NOT NULL,
    site_description TEXT,
    nav_json         TEXT    NOT NULL,
    source           TEXT    NOT NULL,
    content_hash     TEXT    NOT NULL,
    built_at         INTEGER NOT NULL,
    page_count       INTEGER NOT NULL
);

-- Rowid tables: page HTML is large, and WITHOUT ROWID suits only small rows.
CREATE TABLE techdocs_pages (
    entity_ref  TEXT NOT NULL,
    path        TEXT NOT NULL,
    source_file TEXT NOT NULL,
    title       TEXT NOT NULL,
    html        TEXT NOT NULL,
    toc_json    TEXT NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (entity_ref, path)
);

CREATE TABLE techdocs_assets (
    entity_ref   TEXT NOT NULL,
    path         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content      BLOB NOT NULL,
    UNIQUE (entity_ref, path)
);

CREATE TABLE techdocs_status (
    entity_ref    TEXT    NOT NULL PRIMARY KEY,
    state         TEXT    NOT NULL,
    source        TEXT,
    content_hash  TEXT,
    checked_at    INTEGER NOT NULL,
    built_at      INTEGER,
    problems_json TEXT    NOT NULL
);
