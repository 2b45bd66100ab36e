-- squashed from 1.0.0 .. 1.1.4
CREATE TABLE IF NOT EXISTS users (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE
);

-- The registry of background (out-of-band) migrations, in the shape seed-era products used.
CREATE TABLE IF NOT EXISTS out_of_band_migrations (
    id integer PRIMARY KEY,
    team text NOT NULL,
    component text NOT NULL,
    description text NOT NULL,
    introduced text NOT NULL,
    deprecated text,
    progress double precision NOT NULL DEFAULT 0,
    created timestamptz NOT NULL DEFAULT now(),
    last_updated timestamptz,
    non_destructive boolean NOT NULL,
    apply_reverse boolean NOT NULL DEFAULT false,
    is_enterprise boolean NOT NULL DEFAULT false,
    metadata jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE IF NOT EXISTS projects (
    id serial PRIMARY KEY,
    owner_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name text NOT NULL
);

ALTER TABLE users ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE projects ADD COLUMN IF NOT EXISTS slug text;

INSERT INTO out_of_band_migrations (id, team, component, description, introduced, non_destructive)
VALUES (
    1,
    'core',
    'main-db.projects',
    'Backfill project slugs from names',
    '1.1.0',
    true
)
ON CONFLICT DO NOTHING;

ALTER TABLE projects ADD COLUMN IF NOT EXISTS archived boolean NOT NULL DEFAULT false;
