DROP INDEX IF EXISTS projects_slug_idx;
