CREATE INDEX CONCURRENTLY IF NOT EXISTS project_members_user_idx ON project_members (user_id);
