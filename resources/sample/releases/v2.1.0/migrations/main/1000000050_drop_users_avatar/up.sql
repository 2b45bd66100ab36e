BEGIN;

-- Out-of-band migration 2 copied every avatar to avatar_v2.
ALTER TABLE users DROP COLUMN IF EXISTS avatar;

COMMIT;
