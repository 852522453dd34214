/// Every statement on the cluster-wide rate budget (`rate_budgets`, `rate_in_flight`; the arithmetic lives in
/// the `rate_reserve` function of sql/0005_rate_budget.sql, so a reservation is one round trip).
enum RateBudgetSQL {
    static let reserve = Statement(
        "RateBudgetSQL.reserve",
        """
        SELECT granted, extract(epoch FROM first_at - db_now)::float8 AS wait_seconds, step_seconds
        FROM rate_reserve($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """)

    /// Configured limits replace whatever was there; learned ones never replace configured ones.
    static let configure = Statement(
        "RateBudgetSQL.configure",
        """
        INSERT INTO rate_budgets (provider, model, rpm, tpm, input_tpm, output_tpm, max_in_flight, limits_source)
        VALUES ($1, $2, $3, $4, $5, $6, $7, 'config')
        ON CONFLICT (provider, model) DO UPDATE
        SET rpm = excluded.rpm, tpm = excluded.tpm, input_tpm = excluded.input_tpm,
            output_tpm = excluded.output_tpm, max_in_flight = excluded.max_in_flight, limits_source = 'config',
            updated_at = now()
        """)

    static let learn = Statement(
        "RateBudgetSQL.learn",
        """
        INSERT INTO rate_budgets (provider, model, rpm, tpm, input_tpm, output_tpm, limits_source)
        VALUES ($1, $2, $3, $4, $5, $6, 'headers')
        ON CONFLICT (provider, model) DO UPDATE
        SET rpm = coalesce(excluded.rpm, rate_budgets.rpm), tpm = coalesce(excluded.tpm, rate_budgets.tpm),
            input_tpm = coalesce(excluded.input_tpm, rate_budgets.input_tpm),
            output_tpm = coalesce(excluded.output_tpm, rate_budgets.output_tpm),
            limits_source = 'headers', updated_at = now()
        WHERE rate_budgets.limits_source <> 'config'
        """)

    /// Nobody reserves a slot starting before the pause ends.
    static let pause = Statement(
        "RateBudgetSQL.pause",
        """
        INSERT INTO rate_budgets (provider, model, limits_source, paused_until)
        VALUES ($1, $2, 'none', clock_timestamp() + make_interval(secs => $3))
        ON CONFLICT (provider, model) DO UPDATE
        SET paused_until = greatest(coalesce(rate_budgets.paused_until, excluded.paused_until),
                                    excluded.paused_until),
            updated_at = now()
        """)

    static let reportInFlight = Statement(
        "RateBudgetSQL.reportInFlight",
        """
        INSERT INTO rate_in_flight (provider, model, consumer_id, in_flight, updated_at)
        SELECT provider, model, $1, in_flight, now()
        FROM unnest($2::text[], $3::text[], $4::int[]) AS t(provider, model, in_flight)
        ON CONFLICT (provider, model, consumer_id)
        DO UPDATE SET in_flight = excluded.in_flight, updated_at = excluded.updated_at
        """)

    static let clearInFlight = Statement(
        "RateBudgetSQL.clearInFlight", "DELETE FROM rate_in_flight WHERE consumer_id = $1")

    /// Per provider+model: limits, pause, live in-flight, and the last minute's use from `llm_calls`.
    static let status = Statement(
        "RateBudgetSQL.status",
        """
        WITH recent AS (
            SELECT provider, model, count(*) FILTER (WHERE status <> 'cached') AS requests,
                   coalesce(sum(tokens_in + tokens_out) FILTER (WHERE status <> 'cached'), 0) AS tokens,
                   count(*) FILTER (WHERE status = 'rate_limited') AS rate_limited,
                   count(*) FILTER (WHERE attempt > 1) AS retried,
                   coalesce(avg(latency_ms) FILTER (WHERE status <> 'cached'), 0)::float8 AS mean_latency_ms
            FROM llm_calls WHERE created_at > now() - interval '1 minute'
            GROUP BY provider, model
        ), flying AS (
            SELECT f.provider, f.model, sum(f.in_flight) AS in_flight
            FROM rate_in_flight f JOIN consumers c ON c.id = f.consumer_id
            WHERE c.stopped_at IS NULL AND c.heartbeat_at > now() - make_interval(secs => $1)
            GROUP BY f.provider, f.model
        )
        SELECT coalesce(b.provider, r.provider) AS provider, coalesce(b.model, r.model) AS model,
               b.rpm, b.tpm, b.input_tpm, b.output_tpm, b.max_in_flight,
               coalesce(b.limits_source, 'none') AS limits_source,
               CASE WHEN b.paused_until > now() THEN b.paused_until END AS paused_until,
               coalesce(r.requests, 0) AS requests, coalesce(r.tokens, 0) AS tokens,
               coalesce(r.rate_limited, 0) AS rate_limited, coalesce(r.retried, 0) AS retried,
               coalesce(r.mean_latency_ms, 0) AS mean_latency_ms,
               coalesce(f.in_flight, 0)::integer AS in_flight
        FROM rate_budgets b
        FULL JOIN recent r ON r.provider = b.provider AND r.model = b.model
        LEFT JOIN flying f ON f.provider = coalesce(b.provider, r.provider) AND f.model = coalesce(b.model, r.model)
        ORDER BY 1, 2
        """)

    /// Totals over the last hour's calls (an index range, however long the history), for the status's metrics.
    static let callMetrics = Statement(
        "RateBudgetSQL.callMetrics",
        """
        SELECT count(*) AS total, count(*) FILTER (WHERE status IN ('ok', 'cached')) AS ok,
               count(*) FILTER (WHERE status = 'rate_limited') AS rate_limited,
               count(*) FILTER (WHERE attempt > 1) AS retried,
               coalesce(avg(latency_ms) FILTER (WHERE status <> 'cached'), 0)::float8 AS mean_latency_ms
        FROM llm_calls WHERE created_at > now() - interval '1 hour'
        """)
}
