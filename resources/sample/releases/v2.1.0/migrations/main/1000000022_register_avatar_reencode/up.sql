BEGIN;

ALTER TABLE users ADD COLUMN IF NOT EXISTS avatar bytea;
ALTER TABLE users ADD COLUMN IF NOT EXISTS avatar_v2 bytea;

INSERT INTO out_of_band_migrations (id, team, component, description, introduced, non_destructive)
VALUES (2, 'identity', 'main-db.users', 'Re-encode user avatars as WebP', '1.2.0', false)
ON CONFLICT DO NOTHING;

COMMIT;
