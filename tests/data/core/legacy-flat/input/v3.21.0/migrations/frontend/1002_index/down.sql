DROP INDEX users_idx;
