DROP INDEX IF EXISTS events_at_idx;
