BEGIN;

CREATE TABLE IF NOT EXISTS projects (
    id serial PRIMARY KEY,
    owner_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name text NOT NULL
);

COMMIT;
