/// The statements the maintenance tasks run on job_history's partitions and on job_events.
///
/// Time is `coalesce($n::timestamptz, now())` throughout, so tests move the clock.
extension JobSQL {
    /// Creates the job_history partition of the UTC month containing $1, moving that month's rows out of the
    /// default partition first; answers the rows moved, NULL when it existed (`job_history_create_partition`,
    /// sql/0007, which computes the partition's name from the month alone).
    static let createHistoryPartition = Statement(
        "JobSQL.createHistoryPartition",
        "SELECT job_history_create_partition($1::timestamptz) AS moved")

    /// The UTC months that have rows in job_history's default partition: months that still need their own
    /// partition. The default partition is meant to stay empty, so this scan is short.
    static let historyMonthsInDefault = Statement(
        "JobSQL.historyMonthsInDefault",
        """
        SELECT DISTINCT date_trunc('month', finished_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month
        FROM job_history_default
        ORDER BY month
        """)

    /// Deletes up to $3 events older than $1 days before $2 (now() when NULL), oldest first, except those of
    /// jobs still in the queue, whose progress streams may still be read. Finds them through
    /// job_events_at_idx (BRIN); answers how many it deleted.
    static let deleteEventsBefore = Statement(
        "JobSQL.deleteEventsBefore",
        """
        WITH old AS (
            SELECT e.id FROM job_events e
            WHERE e.at < coalesce($2::timestamptz, now()) - make_interval(days => $1)
              AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = e.job_id)
            ORDER BY e.at
            LIMIT $3
        ), deleted AS (
            DELETE FROM job_events USING old WHERE job_events.id = old.id RETURNING 1
        )
        SELECT count(*) AS deleted FROM deleted
        """)
}
