BEGIN;

CREATE INDEX IF NOT EXISTS documents_path_idx ON documents (project_id, path);

COMMIT;
