BEGIN;

DROP INDEX IF EXISTS documents_path_idx;

COMMIT;
