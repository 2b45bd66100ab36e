BEGIN;

-- Safe only once out-of-band migration 1 has backfilled every slug.
ALTER TABLE projects ALTER COLUMN slug SET NOT NULL;
UPDATE out_of_band_migrations SET deprecated = '2.1.0' WHERE id = 2;

COMMIT;
