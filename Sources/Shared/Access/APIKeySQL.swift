/// Every statement on `api_keys`.
enum APIKeySQL {
    /// A key's quotas, as `KeyLimits(row:)` reads them.
    static let limitColumns = "max_samples_per_day, max_cost_per_day::float8 AS max_cost_per_day, max_concurrent_jobs"

    static let columns = """
        id, name, array_to_string(scopes, ',') AS scopes, created_at, revoked_at, last_used_at, \(limitColumns)
        """

    static let insert = Statement(
        "APIKeySQL.insert",
        """
        INSERT INTO api_keys (id, name, secret_hash, scopes, max_samples_per_day, max_cost_per_day, max_concurrent_jobs)
        VALUES ($1, $2, $3, string_to_array($4, ','), $5, $6, $7) RETURNING \(columns)
        """)

    /// By the secret's hash (the unique index): how every request finds its key.
    static let findBySecretHash = Statement(
        "APIKeySQL.findBySecretHash",
        "SELECT \(columns) FROM api_keys WHERE secret_hash = $1")

    /// Seconds between two records of a key's use.
    static let touchInterval: Double = 60

    /// Records a use at most once a minute, so a busy key does not write a row version per request.
    static let touch = Statement(
        "APIKeySQL.touch",
        """
        UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => \(touchInterval)))
        """)

    static let list = Statement(
        "APIKeySQL.list",
        "SELECT \(columns) FROM api_keys ORDER BY created_at, id")

    /// Revokes key $1 once; the first revocation's time is kept.
    static let revoke = Statement(
        "APIKeySQL.revoke",
        "UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING \(columns)")

    /// Sets key $1's limits (NULL is unlimited).
    static let setLimits = Statement(
        "APIKeySQL.setLimits",
        """
        UPDATE api_keys SET max_samples_per_day = $2, max_cost_per_day = $3, max_concurrent_jobs = $4
        WHERE id = $1 RETURNING \(columns)
        """)

    /// Locks key $1's row until the transaction ends, so two requests of one key check their quotas and
    /// create their jobs one after the other: neither counts without the other's job.
    static let lockLimits = Statement(
        "APIKeySQL.lockLimits",
        "SELECT \(limitColumns) FROM api_keys WHERE id = $1 FOR UPDATE")

    /// Key $1's usage today (UTC): samples requested by the jobs it created today, finished or not; the cost
    /// of today's provider calls of its jobs; its unfinished jobs. job_history is partitioned by finished_at,
    /// and a job created or called today finished today if it finished, so only today's partitions are read.
    static let usage = Statement(
        "APIKeySQL.usage",
        """
        WITH day AS (SELECT date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS start),
        owned AS (
            SELECT id, params, created_at FROM jobs WHERE owner_key_id = $1
            UNION ALL
            SELECT h.id, h.params, h.created_at FROM job_history h, day
            WHERE h.owner_key_id = $1 AND h.finished_at >= day.start
        )
        SELECT
            (SELECT coalesce(sum((params->>'count')::bigint) FILTER (WHERE jsonb_typeof(params->'count') = 'number'), 0)
             FROM owned, day WHERE owned.created_at >= day.start) AS samples_today,
            (SELECT coalesce(sum(c.cost_usd), 0)::float8 FROM llm_calls c, day
             WHERE c.created_at >= day.start AND c.job_id IN (SELECT id FROM owned)) AS cost_today,
            (SELECT count(*) FROM jobs WHERE owner_key_id = $1) AS unfinished_jobs
        """)
}
