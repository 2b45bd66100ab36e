BEGIN;

CREATE TABLE IF NOT EXISTS event_rollups (
    day date NOT NULL,
    kind text NOT NULL,
    total bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, kind)
);
COMMIT;

BEGIN;
INSERT INTO event_rollups (day, kind, total)
SELECT at::date, kind, count(*) FROM events GROUP BY 1, 2
ON CONFLICT DO NOTHING;

COMMIT;
