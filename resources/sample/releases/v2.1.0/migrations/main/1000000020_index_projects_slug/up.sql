CREATE INDEX CONCURRENTLY IF NOT EXISTS projects_slug_idx ON projects (slug);
