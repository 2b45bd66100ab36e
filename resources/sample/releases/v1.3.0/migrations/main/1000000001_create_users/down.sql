BEGIN;

DROP TABLE IF EXISTS out_of_band_migrations;
DROP TABLE IF EXISTS users;

COMMIT;
