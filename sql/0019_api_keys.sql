-- API keys and the resources they own. A key is shown once, when it is made: only the sha256 of its secret
-- is stored, so a stolen dump cannot be replayed. Keys are revoked, never deleted, so an owner id on a job
-- or an audit row always names a key that existed.

CREATE TABLE api_keys (
    id           text        PRIMARY KEY CHECK (id ~ '^[a-z0-9]{8,32}$'),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    secret_hash  text        NOT NULL UNIQUE CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
    scopes       text[]      NOT NULL CHECK (cardinality(scopes) >= 1 AND scopes <@ ARRAY['read', 'write', 'admin']),
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    last_used_at timestamptz
);

-- The owner of a job, carried from the hot table to history when the job ends. 0001's api_key_id (a uuid,
-- never written) becomes it, so the statements that move jobs keep one column for it.
ALTER TABLE jobs RENAME COLUMN api_key_id TO owner_key_id;
ALTER TABLE jobs ALTER COLUMN owner_key_id TYPE text;
ALTER TABLE job_history RENAME COLUMN api_key_id TO owner_key_id;
ALTER TABLE job_history ALTER COLUMN owner_key_id TYPE text;
ALTER TABLE templates ADD COLUMN owner_key_id text;

-- A key's own jobs, for a non-admin caller's listing.
CREATE INDEX jobs_owner_idx ON jobs (owner_key_id) WHERE owner_key_id IS NOT NULL;
CREATE INDEX job_history_owner_idx ON job_history (owner_key_id, created_at DESC, id DESC)
    WHERE owner_key_id IS NOT NULL;
