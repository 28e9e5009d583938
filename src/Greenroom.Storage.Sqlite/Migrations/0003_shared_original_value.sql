-- Facets report values as written (case kept), filters match them lower-cased. Nine search rows in ten are written in
-- lower case already, so original_value repeated value in the table and again in the covering filter index: about a
-- tenth of the database at 100k entities. original_value is now NULL when it equals value (facets read
-- COALESCE(original_value, value)); value NULL still marks a key-only row. Existing rows keep their pages until a
-- VACUUM, new databases are smaller from the start.

UPDATE search SET original_value = NULL WHERE original_value = value;
