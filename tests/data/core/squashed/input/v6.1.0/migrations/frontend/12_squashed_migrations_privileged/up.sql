CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE a (id int);
CREATE TABLE b (id int, c int);
