/// The statement that elects, per interval, the one consumer that runs a maintenance task.
enum MaintenanceRunSQL {
    /// Records a run of task $1 if none happened in the last $2 seconds; a row back means this caller won.
    /// Concurrent callers serialise on the row, and only the first sees the old timestamp.
    static let claimIfDue = Statement(
        "MaintenanceRunSQL.claimIfDue",
        """
        INSERT INTO maintenance_runs AS runs (task, last_run_at) VALUES ($1, now())
        ON CONFLICT (task) DO UPDATE SET last_run_at = now()
        WHERE runs.last_run_at < now() - make_interval(secs => $2)
        RETURNING task
        """)
}
