/// The statement that clears dead consumers out of the registry and the rate budget.
extension ConsumerSQL {
    /// Deletes consumers stopped, or silent, for more than $1 seconds before $3 (now() when NULL), and every
    /// in-flight count not owned by a live consumer: one stopped, silent for more than $2 seconds, or gone.
    /// A live consumer rewrites its counts at each heartbeat, so only dead ones lose rows. Answers both counts.
    static let deleteDead = Statement(
        "ConsumerSQL.deleteDead",
        """
        WITH dead AS (
            DELETE FROM consumers
            WHERE coalesce(stopped_at, heartbeat_at) < coalesce($3::timestamptz, now()) - make_interval(secs => $1)
            RETURNING id
        ), in_flight AS (
            DELETE FROM rate_in_flight f
            WHERE f.consumer_id IN (SELECT id FROM dead)
               OR NOT EXISTS (
                   SELECT 1 FROM consumers c
                   WHERE c.id = f.consumer_id AND c.stopped_at IS NULL
                     AND c.heartbeat_at >= coalesce($3::timestamptz, now()) - make_interval(secs => $2))
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM dead) AS consumers, (SELECT count(*) FROM in_flight) AS in_flight
        """)
}
