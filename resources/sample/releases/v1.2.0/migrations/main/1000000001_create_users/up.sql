BEGIN;

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

COMMIT;
