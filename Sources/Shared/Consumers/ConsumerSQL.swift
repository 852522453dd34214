/// Every statement on the consumers registry.
enum ConsumerSQL {
    /// Announces consumer $1 (or revives the row after a restart with the same id).
    static let register = Statement(
        "ConsumerSQL.register",
        """
        INSERT INTO consumers (id, host, pid, queues) VALUES ($1, $2, $3, $4::text[])
        ON CONFLICT (id) DO UPDATE SET host = $2, pid = $3, queues = $4::text[], started_at = now(),
                                       heartbeat_at = now(), stopped_at = NULL, current_job = NULL
        """)

    /// Marks consumer $1 alive and names the job it is working on ($2, or NULL when idle); no row back when
    /// the registry no longer has it (maintenance reaped it after a long silence).
    static let heartbeat = Statement(
        "ConsumerSQL.heartbeat",
        "UPDATE consumers SET heartbeat_at = now(), current_job = $2 WHERE id = $1 RETURNING id")

    /// Marks consumer $1 as stopped cleanly.
    static let markStopped = Statement(
        "ConsumerSQL.markStopped",
        "UPDATE consumers SET stopped_at = now(), current_job = NULL WHERE id = $1")

    /// Consumers that heartbeat within the last $1 seconds (uses consumers_heartbeat_idx).
    static let countAlive = Statement(
        "ConsumerSQL.countAlive",
        """
        SELECT count(*) AS alive FROM consumers
        WHERE stopped_at IS NULL AND heartbeat_at > now() - make_interval(secs => $1)
        """)

    /// The consumer holding the lease of running job $1, if any. The lease, not `current_job`: a consumer
    /// running several jobs names only one of them there.
    static let findLeaseOwner = Statement(
        "ConsumerSQL.findLeaseOwner",
        """
        SELECT c.id, c.host, c.pid FROM jobs j JOIN consumers c ON c.id = j.lease_owner
        WHERE j.id = $1 AND j.state = 'running' AND c.stopped_at IS NULL
        """)
}
