-- Job ends are audited by the statements that write them (JobSQL+Outcomes), in the same statement, so an
-- outcome and its audit row commit together. These functions keep the row's shape in one place.

-- `completed`, `cancelled`, `error` → `job.completed`, `job.cancelled`, `job.failed`.
CREATE FUNCTION job_audit_action(outcome text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT 'job.' || CASE outcome WHEN 'error' THEN 'failed' ELSE outcome END
$$;

-- The end's detail: what ran, which attempt, how it ended and the result's totals (no prompts, no keys).
CREATE FUNCTION job_audit_details(kind text, attempt int, outcome text, error text, result jsonb)
RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
        'kind', kind, 'attempt', attempt, 'outcome', outcome, 'error', error,
        'result', nullif(result, '{}'::jsonb)))
$$;

-- A job's audit rows, for its review and the audit API's target filter; other filters walk the primary key.
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, id);

-- Times as the API writes them (RFC 3339, UTC, microseconds, `Z`), for JSON assembled in SQL.
CREATE FUNCTION api_time(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

-- Chains by connection. One chain under one lock made every audited write wait for the previous one's commit
-- (its WAL flush included): job creation under 64 clients ran at 0.62x its rate without the audit
-- (bench/audit.sh). Rows now go to one of 16 chains by the backend that writes them, each chain with its own
-- lock and its own prev_hash pointer, so connections append in parallel. By connection rather than by target:
-- a consumer finishing 50 jobs in one statement takes one lock, not most of them (chains by target made two
-- consumers' batches wait for each other again, and in an order that could deadlock), and a transaction never
-- holds two chains' locks. Rows written before keep their hashes: they are chain 0, which continues from them.
-- The verifier walks each chain in id order (AuditSQL.verify); a target's rows may be in several chains.
ALTER TABLE audit_log ADD COLUMN chain smallint NOT NULL DEFAULT 0;
CREATE INDEX audit_log_chain_idx ON audit_log (chain, id);

CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.chain := pg_backend_pid() % 16;
    -- Serialise appends to this chain until commit, and number rows only once the lock is held, so id order
    -- is chain order within each chain.
    PERFORM pg_advisory_xact_lock(hashtext('audit_log_chain'), NEW.chain);
    NEW.id := nextval('audit_log_id_seq');
    NEW.at := clock_timestamp();
    SELECT hash INTO NEW.prev_hash FROM audit_log WHERE chain = NEW.chain ORDER BY id DESC LIMIT 1;
    NEW.prev_hash := coalesce(NEW.prev_hash, '\x'::bytea);
    NEW.hash := audit_log_row_hash(NEW.prev_hash, NEW.id, NEW.at, NEW.actor, NEW.action, NEW.subject_type,
                                   NEW.subject_id, NEW.request_id, NEW.details);
    RETURN NEW;
END
$$;
