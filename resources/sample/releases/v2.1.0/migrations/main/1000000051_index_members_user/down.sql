DROP INDEX IF EXISTS project_members_user_idx;
