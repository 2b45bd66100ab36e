BEGIN;

CREATE TABLE IF NOT EXISTS documents (
    id bigserial PRIMARY KEY,
    project_id integer NOT NULL,
    path text NOT NULL,
    body text NOT NULL DEFAULT ''
);

COMMIT;
