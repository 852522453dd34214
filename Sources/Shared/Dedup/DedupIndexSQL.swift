/// Every statement on the progress of the datasets' de-duplication scopes (sql/0026_dataset_dedup_index.sql).
enum DedupIndexSQL {
    /// Gives dataset $1 its row (nothing indexed yet) unless it has one; a commit's transaction calls it, so the
    /// index job always finds a row to lock.
    static let track = Statement(
        "DedupIndexSQL.track",
        "INSERT INTO dataset_dedup_index (dataset_id) VALUES ($1) ON CONFLICT (dataset_id) DO NOTHING")

    /// Dataset $1's row, locked until the transaction ends (its primary key), with the dataset's newest version
    /// (the versions' unique (dataset_id, version) index). No row while another transaction holds it: a
    /// consumer never waits on another's page (it would stall every other job it runs meanwhile).
    static let lockState = Statement(
        "DedupIndexSQL.lockState",
        """
        SELECT i.indexed_version, i.working_version, i.phase, i.after_position,
               coalesce((SELECT max(version) FROM dataset_versions v WHERE v.dataset_id = i.dataset_id), 0)
                   AS latest_version
        FROM dataset_dedup_index i WHERE i.dataset_id = $1
        FOR UPDATE OF i SKIP LOCKED
        """)

    /// Dataset $1's state without a lock; a dataset never committed to has no row and reads as version 0.
    static let state = Statement(
        "DedupIndexSQL.state",
        """
        SELECT coalesce(i.indexed_version, 0) AS indexed_version, i.working_version, i.phase, i.after_position,
               coalesce((SELECT max(version) FROM dataset_versions v WHERE v.dataset_id = $1), 0) AS latest_version
        FROM (SELECT $1::uuid AS dataset_id) d
        LEFT JOIN dataset_dedup_index i ON i.dataset_id = d.dataset_id
        """)

    /// Moves dataset $1's cursor: indexed version $2, working version $3, phase $4, last position done $5.
    static let advance = Statement(
        "DedupIndexSQL.advance",
        """
        UPDATE dataset_dedup_index
        SET indexed_version = $2, working_version = $3, phase = $4, after_position = $5, updated_at = now()
        WHERE dataset_id = $1
        """)

    /// Dataset $1's `dataset_index` job ($2) not started yet, if it has one: it will see every version committed
    /// so far. A scan of the live queue, made only by a commit and by a job found waiting for the index.
    static let pendingJob = Statement(
        "DedupIndexSQL.pendingJob",
        """
        SELECT id FROM jobs WHERE kind = $2 AND state = 'available' AND params ->> 'dataset_id' = $1::text LIMIT 1
        """)
}
