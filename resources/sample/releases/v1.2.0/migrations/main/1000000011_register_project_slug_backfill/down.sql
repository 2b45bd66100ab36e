BEGIN;

DELETE FROM out_of_band_migrations WHERE id = 1;
ALTER TABLE projects DROP COLUMN IF EXISTS slug;

COMMIT;
