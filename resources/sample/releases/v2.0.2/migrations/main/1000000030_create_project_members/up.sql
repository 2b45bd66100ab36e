BEGIN;

CREATE TABLE IF NOT EXISTS project_members (
    project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL DEFAULT 'member',
    PRIMARY KEY (project_id, user_id)
);

UPDATE out_of_band_migrations SET deprecated = '2.0.0' WHERE id = 1;

COMMIT;
