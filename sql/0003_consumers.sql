-- Live consumers announce themselves and heartbeat here; health counts the fresh ones and maintenance
-- notices the silent ones.

CREATE TABLE consumers (
    id           text        PRIMARY KEY,
    host         text        NOT NULL,
    pid          integer     NOT NULL,
    queues       text[]      NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now(),
    stopped_at   timestamptz,
    current_job  uuid
);
CREATE INDEX consumers_heartbeat_idx ON consumers (heartbeat_at) WHERE stopped_at IS NULL;
