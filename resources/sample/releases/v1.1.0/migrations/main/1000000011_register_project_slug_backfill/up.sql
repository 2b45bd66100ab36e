BEGIN;

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

COMMIT;
