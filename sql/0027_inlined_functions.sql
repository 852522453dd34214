-- Three SQL functions were declared IMMUTABLE over bodies that are STABLE (to_char, concat_ws and
-- jsonb_build_object are), and PostgreSQL inlines a function only when its body is at least as immutable as
-- its declaration. Not inlined, each call ran as a function of its own, parsed and planned again in every
-- transaction: audit_log_row_hash alone was 12% of an API backend's CPU while jobs were created (perf, under
-- bench/audit.sh). STABLE is what they are, and inlined they cost what their expressions cost.
ALTER FUNCTION audit_log_row_hash(bytea, bigint, timestamptz, text, text, text, text, text, jsonb) STABLE;
ALTER FUNCTION job_audit_details(text, integer, text, text, jsonb) STABLE;
ALTER FUNCTION api_time(timestamptz) STABLE;
