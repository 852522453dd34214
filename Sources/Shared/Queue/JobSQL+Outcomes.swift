/// The statements that end a run: finish, retry or fail, postpone, and the rescue of expired leases.
///
/// A job whose cancel was requested never runs again and never ends `completed`: whichever of these
/// statements writes its end writes `cancelled`, so a cancel the API accepted wins over a completion, a retry
/// or a failure not written yet. Every error a run ends with is appended to the job's `errors`
/// (`job_attempt_error`, sql/0006); postponements append nothing. Every end is audited in the same statement
/// (actor `consumer:<owner>`, or `maintenance` for a rescue; sql/0018); retries and postponements are not
/// ends and are not audited.
extension JobSQL {
    /// Finishes the jobs $1 still owned by $2, moving each to job_history with its outcome $3, error $4
    /// ('' for none) and result $5 in one statement, and records the final events. Batches of any size.
    /// The outcome becomes `cancelled` when the job's cancel was requested (the row as locked, so a cancel
    /// committed while this statement waited for the row counts); an error is then kept in `errors` only.
    static let finishManyIfOwned = Statement(
        "JobSQL.finishManyIfOwned",
        """
        WITH outcome AS (
            SELECT * FROM unnest($1::uuid[], $3::text[], $4::text[], $5::jsonb[]) AS o(id, outcome, error, result)
        ), done AS (
            DELETE FROM jobs USING outcome
            WHERE jobs.id = outcome.id AND jobs.lease_owner = $2 AND jobs.state = 'running'
            RETURNING jobs.*, CASE WHEN jobs.cancel_requested THEN 'cancelled' ELSE outcome.outcome END AS ending,
                      nullif(outcome.error, '') AS error, outcome.result
        ), moved AS (
            INSERT INTO job_history (id, kind, queue, priority, params, attempt, max_attempts, outcome,
                                     error_message, errors, progress, owner_key_id, created_at, started_at, result)
            SELECT id, kind, queue, priority, params, attempt, max_attempts, ending,
                   CASE WHEN ending = 'error' THEN error END,
                   CASE WHEN error IS NULL THEN errors ELSE errors || job_attempt_error(attempt, error, now()) END,
                   CASE WHEN ending = 'completed' THEN 100 ELSE progress END, owner_key_id, created_at,
                   started_at, result
            FROM done
            RETURNING id, kind, attempt, outcome, error_message, result
        ), event AS (
            INSERT INTO job_events (job_id, kind, state, message) SELECT id, 'state', outcome, error_message FROM moved
        ), audit AS (
            INSERT INTO audit_log (actor, action, subject_type, subject_id, details)
            SELECT 'consumer:' || $2, job_audit_action(outcome), 'job', id::text,
                   job_audit_details(kind, attempt, outcome, error_message, result)
            FROM moved
        )
        SELECT id FROM moved
        """)

    /// Ends a failed attempt of job $1 owned by $2 with error $4: retried after $3 seconds while attempts
    /// remain, else moved to history as `error` (River's `attempt >= max_attempts` → discarded, decided here,
    /// where the outcome is written). The error is appended to `errors` either way; a job whose cancel was
    /// requested ends `cancelled` instead of being retried. Returns the job's new state, no row when $2 lost
    /// the lease.
    static let retryOrFailIfOwned = Statement(
        "JobSQL.retryOrFailIfOwned",
        """
        WITH job AS (
            SELECT id, attempt >= max_attempts OR cancel_requested AS ends,
                   errors || job_attempt_error(attempt, $4, now()) AS errors
            FROM jobs WHERE id = $1 AND lease_owner = $2 AND state = 'running'
            FOR UPDATE
        ), retried AS (
            UPDATE jobs SET state = 'available', lease_owner = NULL, lease_expires_at = NULL,
                   run_at = now() + make_interval(secs => $3), last_error = $4, errors = job.errors,
                   updated_at = now()
            FROM job WHERE jobs.id = job.id AND NOT job.ends
            RETURNING jobs.id
        ), failed AS (
            DELETE FROM jobs USING job WHERE jobs.id = job.id AND job.ends
            RETURNING jobs.*, job.errors AS all_errors
        ), moved AS (
            INSERT INTO job_history (id, kind, queue, priority, params, attempt, max_attempts, outcome,
                                     error_message, errors, progress, owner_key_id, created_at, started_at)
            SELECT id, kind, queue, priority, params, attempt, max_attempts,
                   CASE WHEN cancel_requested THEN 'cancelled' ELSE 'error' END,
                   CASE WHEN NOT cancel_requested THEN 'Gave up after ' || attempt || ' attempts: ' || $4 END,
                   all_errors, progress, owner_key_id, created_at, started_at
            FROM failed
            RETURNING id, kind, attempt, outcome, error_message
        ), event AS (
            INSERT INTO job_events (job_id, kind, state, message)
            SELECT id, 'state', 'pending', $4 FROM retried
            UNION ALL
            SELECT id, 'state', outcome, error_message FROM moved
        ), audit AS (
            INSERT INTO audit_log (actor, action, subject_type, subject_id, details)
            SELECT 'consumer:' || $2, job_audit_action(outcome), 'job', id::text,
                   job_audit_details(kind, attempt, outcome, error_message, NULL)
            FROM moved
        )
        SELECT id, 'pending' AS state FROM retried
        UNION ALL
        SELECT id, outcome FROM moved
        """)

    /// Puts job $1 owned by $2 back in the queue to run after $3 seconds without spending an attempt (the
    /// claim counted one; this gives it back): a provider's rate limit or a consumer stopping is not the
    /// job's failure, so nothing is added to `errors`; the reason $4 goes to the job's events. A job whose
    /// cancel was requested is due at once, so the next claim ends it as cancelled.
    static let postponeIfOwned = Statement(
        "JobSQL.postponeIfOwned",
        """
        WITH job AS (
            UPDATE jobs SET state = 'available', lease_owner = NULL, lease_expires_at = NULL,
                   run_at = CASE WHEN cancel_requested THEN now() ELSE now() + make_interval(secs => $3) END,
                   attempt = attempt - 1, updated_at = now()
            WHERE id = $1 AND lease_owner = $2 AND state = 'running'
            RETURNING id
        ), event AS (
            INSERT INTO job_events (job_id, kind, state, message) SELECT id, 'state', 'pending', $4 FROM job
        )
        SELECT id FROM job
        """)

    /// Requeues running jobs whose lease expired (their consumer died or hung), or ends them when their
    /// attempts are spent (`error`) or their cancel was requested (`cancelled`); 'lease expired' is appended
    /// to their `errors`. The clock is $1, or now() when NULL (tests pin it). Uses jobs_lease_idx; SKIP
    /// LOCKED keeps it off rows a live consumer is writing.
    static let rescueExpiredLeases = Statement(
        "JobSQL.rescueExpiredLeases",
        """
        WITH expired AS (
            SELECT id, attempt >= max_attempts OR cancel_requested AS ends,
                   errors || job_attempt_error(attempt, 'lease expired', coalesce($1::timestamptz, now())) AS errors
            FROM jobs
            WHERE state = 'running' AND lease_expires_at < coalesce($1::timestamptz, now())
            FOR UPDATE SKIP LOCKED
        ), requeued AS (
            UPDATE jobs SET state = 'available', lease_owner = NULL, lease_expires_at = NULL, run_at = now(),
                   last_error = 'lease expired', errors = expired.errors, updated_at = now()
            FROM expired WHERE jobs.id = expired.id AND NOT expired.ends
            RETURNING jobs.id
        ), failed AS (
            DELETE FROM jobs USING expired WHERE jobs.id = expired.id AND expired.ends
            RETURNING jobs.*, expired.errors AS all_errors
        ), moved AS (
            INSERT INTO job_history (id, kind, queue, priority, params, attempt, max_attempts, outcome,
                                     error_message, errors, progress, owner_key_id, created_at, started_at)
            SELECT id, kind, queue, priority, params, attempt, max_attempts,
                   CASE WHEN cancel_requested THEN 'cancelled' ELSE 'error' END,
                   CASE WHEN NOT cancel_requested
                        THEN 'The job was interrupted ' || attempt || ' times and was given up' END,
                   all_errors, progress, owner_key_id, created_at, started_at
            FROM failed
            RETURNING id, kind, attempt, outcome, error_message
        ), events AS (
            INSERT INTO job_events (job_id, kind, state, message)
            SELECT id, 'state', 'pending', 'lease expired' FROM requeued
            UNION ALL
            SELECT id, 'state', outcome, error_message FROM moved
        ), audit AS (
            INSERT INTO audit_log (actor, action, subject_type, subject_id, details)
            SELECT 'maintenance', job_audit_action(outcome), 'job', id::text,
                   job_audit_details(kind, attempt, outcome, error_message, NULL)
            FROM moved
        )
        SELECT (SELECT count(*) FROM requeued) AS requeued, (SELECT count(*) FROM moved) AS failed
        """)
}
