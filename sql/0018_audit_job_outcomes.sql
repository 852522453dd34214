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

-- A job's audit rows, for its review; other filters of the audit API walk the primary key newest first.
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, id);

-- Times as the API writes them (RFC 3339, UTC, microseconds, `Z`), for JSON assembled in SQL.
CREATE FUNCTION api_time(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;
